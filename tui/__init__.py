"""The Textual reader for briefing libraries. Talks to the core only through :class:`briefings.store.Library`."""
