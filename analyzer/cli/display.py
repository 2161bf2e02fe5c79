"""What every command shares about output: display options, exit codes in --help, one error style.

Every command accepts the same display options, listed in its own --help:

    -q/--quiet  -v/--verbose  --explain  --color auto|always|never  --no-pager  --local-time  -o FILE

`analyze` and `check` declare them in their signatures; the other commands (fetch, follow, doctor,
rules …) get them added to their Click command here, so no command can forget one. Their values
land in the Click context's `meta` (shared by the whole command line) and `display()` reads them.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from typer.core import TyperOption

try:  # typer >= 0.28 vendors Click; older ones use Click itself
    from typer._click import exceptions as click_exceptions
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover
    from click import exceptions as click_exceptions  # type: ignore[no-redef]
    from click.globals import get_current_context  # type: ignore[no-redef]

META = "rla.display"

EXIT_CODES = (
    "Exit codes: 0 nothing at or above --fail-on; 1 a finding (or a failed check) at or above it; "
    "2 usage or input error (one sentence on stderr); 130 interrupted."
)


@dataclass(frozen=True)
class Display:
    """How a command prints: quiet or verbose, colour, pager, local times."""

    quiet: bool = False
    verbose: bool = False
    explain: bool = False
    color: str = "auto"
    pager: bool = True
    local_time: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def display() -> Display:
    """The display options of the running command (defaults outside a command)."""
    ctx = get_current_context(silent=True)
    found = ctx.meta.get(META) if ctx is not None else None
    return found if isinstance(found, Display) else Display()


def set_display(**values: Any) -> Display:
    ctx = get_current_context(silent=True)
    current = display()
    new = Display(**{**current.__dict__, **{k: v for k, v in values.items() if v is not None}})
    if ctx is not None:
        ctx.meta[META] = new
    return new


def _store(name: str):  # type: ignore[no-untyped-def]
    def callback(ctx: Any, _param: Any, value: Any) -> Any:
        if value is not None and value is not False:
            set_display(**{name: value})
        return value

    return callback


def split_ids(values: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for raw in values or () for v in raw.split(",") if v.strip())


def _ids(name: str):  # type: ignore[no-untyped-def]
    def callback(ctx: Any, _param: Any, value: Any) -> Any:
        if value:
            set_display(**{name: split_ids(value)})
        return value

    return callback


def _redirect(ctx: Any, _param: Any, value: Any) -> Any:
    """-o FILE for a command that prints as it goes: its stdout goes to the file."""
    if value and value != "-":
        from pathlib import Path

        from analyzer.outfile import regular_target

        try:  # a regular file only (a link is written through): never into a FIFO or a device
            handle = open(regular_target(Path(value)), "w", encoding="utf-8")
        except OSError as exc:
            raise click_exceptions.BadParameter(f"cannot write {value} ({exc.strerror or exc})") from None
        previous = sys.stdout
        sys.stdout = handle

        def restore() -> None:
            handle.close()
            sys.stdout = previous

        ctx.call_on_close(restore)
    return value


def _color(ctx: Any, _param: Any, value: Any) -> Any:
    if value is not None:
        if value not in ("auto", "always", "never"):
            raise click_exceptions.BadParameter(f"'{value}' is not one of auto, always, never")
        set_display(color=value)
    return value


def _flag(decls: list[str], name: str, text: str) -> Any:
    return TyperOption(param_decls=decls, is_flag=True, default=False, expose_value=False, callback=_store(name), help=text)


def _options() -> list[Any]:
    return [
        _flag(["-q", "--quiet"], "quiet", "Print only the verdict (or the summary line)."),
        _flag(["-v", "--verbose"], "verbose", "Say more: every finding's cause and fix, how the input was read."),
        _flag(["--explain"], "explain", "Every finding's cause and fix, not only the root cause's."),
        TyperOption(param_decls=["--color"], default=None, expose_value=False, callback=_color, metavar="auto|always|never",
                    help="Colours: auto (terminal, NO_COLOR, FORCE_COLOR), always, never."),
        TyperOption(param_decls=["--no-pager"], is_flag=True, default=False, expose_value=False,
                    callback=lambda c, p, v: set_display(pager=False) if v else None,
                    help="Never page long output (also: RLA_PAGER=cat)."),
        _flag(["--local-time"], "local_time", "Show times in the local zone instead of UTC."),
        TyperOption(param_decls=["--select"], multiple=True, expose_value=False, callback=_ids("select"),
                    help="Only these rule ids or prefixes (repeatable, or comma-separated)."),
        TyperOption(param_decls=["--ignore"], multiple=True, expose_value=False, callback=_ids("ignore"),
                    help="Leave out these rule ids or prefixes (repeatable, or comma-separated)."),
    ]


def add_display_options(command: Any) -> None:
    """Give every (sub)command the display options it lacks, -o, and the exit codes in its help."""
    if getattr(command, "commands", None) is not None:
        for sub in command.commands.values():
            add_display_options(sub)
        return
    taken = {opt for p in command.params for opt in getattr(p, "opts", [])}
    for option in _options():
        if not taken.intersection(option.opts):
            command.params.append(option)
    if "-o" not in taken and "--output" not in taken:
        command.params.append(TyperOption(param_decls=["-o", "--output"], default=None, expose_value=False,
                                          callback=_redirect, help="Write the output to this file instead of stdout."))
    if EXIT_CODES not in (command.epilog or ""):
        command.epilog = ((command.epilog or "") + "\n\n" + EXIT_CODES).strip()


def did_you_mean(word: str, known: Iterable[str], prefixes: bool = False) -> Optional[str]:
    """The closest known rule id (or, for --select/--ignore, id prefix) to a typo, if one is close."""
    ids = list(known)
    candidates = ids + ([i[: len(word)] for i in ids] if prefixes else [])
    close = difflib.get_close_matches(word, list(dict.fromkeys(candidates)), n=1, cutoff=0.6)
    return close[0] if close else None


def usage_error(exc: Any, lang: str) -> str:
    """Click's three-line usage block as one sentence: `rla: error: …` (with where to get help)."""
    from analyzer.i18n import t

    message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    message = message.strip().rstrip(".")
    message = message[:1].lower() + message[1:]
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "rla"
    return t("error.prefix", lang) + t("error.usage", lang, message=message, help=f"{where} -h")
