"""The selection mark of a table: a 1-cell first column with ▸ on the highlighted row, so the selection
shows without colour (a monochrome terminal or capture). Used by the Notes and the cross-article screens."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable

MARK_COLUMN = "mark"


def add_mark_column(table: DataTable) -> None:
    """The mark column; every row then starts with an empty cell ("") for it."""
    table.add_column("", width=1, key=MARK_COLUMN)


def move_mark(table: DataTable, old: Any, new: Any) -> Any:
    """Clear the mark of row ``old`` (None, or a row since cleared away: nothing) and draw it on ``new``,
    which is returned: the row key to pass as ``old`` next time."""
    if old is not None and old in table.rows:
        table.update_cell(old, MARK_COLUMN, "")
    table.update_cell(new, MARK_COLUMN, Text("\u25b8", style="bold"))
    return new
