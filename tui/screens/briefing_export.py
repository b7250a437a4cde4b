"""Export and copy from the briefing screen: the open briefing to a file, an item to the clipboard."""

from __future__ import annotations

from pathlib import Path

from briefings.atomic import write_atomic
from briefings.export import cited_item, to_json_bytes, to_markdown


class BriefingExport:
    """``x``/``X`` export and ``c`` copy (mixed into the briefing screen, which sets ``briefing``)."""

    def action_export(self, fmt: str) -> None:
        """Write the open briefing to briefing-ID.md (with its notes) or .json in the current folder."""
        b = self.briefing
        if b is None:
            return
        path = Path.cwd() / f"briefing-{b.id[:10]}.{fmt}"
        data = to_json_bytes(b) if fmt == "json" else to_markdown(b, self.app.library.notes.all(b.id)).encode()
        try:
            write_atomic(path, data, sync_dir=False)
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror or exc}", severity="error", timeout=10)
            return
        self.notify(f"Exported to {path}", title="export", timeout=6)

    def action_copy(self) -> None:
        """Copy the highlighted item with its citation to the clipboard (OSC 52: works over SSH)."""
        item = self.current_item()
        if item is None or self.briefing is None:
            self.notify("Move to an item first (1-4); x exports the whole briefing.", timeout=4)
            return
        text = cited_item(self.briefing, item)
        self.app.copy_to_clipboard(text)
        # A terminal that refuses OSC 52 cannot tell us so: say what was sent and where else to get it.
        self.notify(f"Copied {len(text)} characters with the citation (OSC 52). Nothing to paste? "
                    "Your terminal blocks OSC 52: x exports the briefing to a file.", title="copy", timeout=6)
