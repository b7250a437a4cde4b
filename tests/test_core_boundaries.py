"""The core never imports Textual; the CLI's non-reader commands stay light."""

import subprocess
import sys


def test_core_never_imports_textual():
    code = ("import sys, briefings, briefings.cli, briefings.commands, briefings.store, briefings.extract, "
            "briefings.ingest, briefings.export, briefings.eval; "
            "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)
