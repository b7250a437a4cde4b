"""Screens of the reader: the library list, one briefing, help."""
