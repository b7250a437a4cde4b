"""Widgets of the reader: one module per pane kind."""
