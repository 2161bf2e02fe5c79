"""The commands: one module per command, registered in analyzer.cli.app."""


def main() -> None:
    """The `rla` entry point (pyproject's `analyzer.cli:main`); the app is imported only when run."""
    from analyzer.cli.app import main as run

    run()
