"""The commands: one module per command, registered in analyzer.cli.app."""


def main() -> None:
    """The `rla` entry point (pyproject's `analyzer.cli:main`); the app is imported only when run."""
    from analyzer.cli.collector import defer
    from analyzer.cli.compiled import kept

    defer()  # the garbage collector waits for the end of start-up (analyzer.cli.collector)
    with kept():  # regexes and dataclass methods compiled by an earlier run (analyzer.cli.compiled)
        from analyzer.cli.app import main as run

        run()
