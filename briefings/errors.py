"""The CLI's own user-facing failure, in a module of its own.

Kept apart from :mod:`briefings.cli` so that ``python -m briefings.cli`` (where
that module runs as ``__main__``) and the ``briefing`` script raise and catch
the very same class.
"""


class CLIError(Exception):
    """A user-facing failure: its message is printed as one line."""
