"""Across articles (issue 13): who's who, one event across outlets, timelines, watchlists.

Core only (no Textual). ``profiles`` reads each briefing once on ingest; ``state``
keeps the sharded, incremental state in ``LIBRARY/across``; ``query`` answers the
CLI and the reader; ``eval`` measures grouping, people merging and dates on the
fictional story sets in ``stories/``.
"""
