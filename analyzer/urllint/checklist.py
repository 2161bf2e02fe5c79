"""The doctor's checklist: its items (the user's note, diagnostic-redis.fr.md) and one check's result,
with a builder per status.

Shared by the URL lint (this package), `rla doctor`'s checks over the Render API and the Blueprint
check; plain data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analyzer.i18n import Msg as M
from analyzer.model import Severity


STATUSES = ("ok", "warn", "fail", "unknown")


# The note's checklist, in the order `rla doctor` prints it. Items 8-10 go beyond the note (the Key
# Value's settings, metrics and own logs). Values are catalogue messages (analyzer.i18n): English as
# str, French through tr(title, "fr").
ITEMS: dict[int, str] = {n: M(f"item.{n}") for n in range(1, 11)}


@dataclass(frozen=True)
class CheckResult:
    """One verdict of one check.

    status: ok | warn | fail | unknown ("?": could not check; `message` says why).
    item: the checklist item (1-10, see ITEMS) this result ticks.
    value: the value concerned, already redacted (never a secret).
    """

    id: str
    item: int
    status: str
    severity: Severity
    message: str
    cause: str = ""
    fix: str = ""
    value: str | None = None
    data: dict[str, object] = field(default_factory=dict)  # machine-readable extras (json output)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")

    @property
    def title(self) -> str:
        return ITEMS.get(self.item, "")


# One result of each status, for every check of the checklist (the lint's and the doctor's); `**kw`: value, data.
def unknown(id: str, item: int, message: str, **kw: object) -> CheckResult:
    """ "?": could not check; `message` says why."""
    return CheckResult(id, item, "unknown", Severity.INFO, message, **kw)  # type: ignore[arg-type]


def info(id: str, item: int, message: str, **kw: object) -> CheckResult:
    """ok, with something to point out (severity info)."""
    return CheckResult(id, item, "ok", Severity.INFO, message, **kw)  # type: ignore[arg-type]


def ok(id: str, item: int, message: str, **kw: object) -> CheckResult:
    return CheckResult(id, item, "ok", Severity.OK, message, **kw)  # type: ignore[arg-type]


def fail(id: str, item: int, severity: Severity, message: str, cause: str, fix: str, **kw: object) -> CheckResult:
    return CheckResult(id, item, "fail", severity, message, cause, fix, **kw)  # type: ignore[arg-type]


def warn(id: str, item: int, message: str, cause: str, fix: str, **kw: object) -> CheckResult:
    return CheckResult(id, item, "warn", Severity.WARNING, message, cause, fix, **kw)  # type: ignore[arg-type]


