"""`python -m analyzer` is the same as `rla`."""

from analyzer.cli.app import main

if __name__ == "__main__":
    main()
