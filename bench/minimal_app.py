"""The baseline: a minimal Textual app (one Static and a Footer), started the way `briefing` is."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Static("minimal app ready")
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
