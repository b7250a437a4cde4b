"""briefing: a terminal reader for news briefings. This package is the core; it never imports Textual."""

__version__ = "0.1.0"
