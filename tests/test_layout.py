"""The house (issue 16, docs/architecture.md): every import between analyzer's modules points down the
pipeline, and none closes a cycle. Imports inside functions count: a lazy import is still a dependency.

Read from the source with ast, nothing is imported, so the test is fast and sees every file."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "analyzer"

# Each module's layer, by its dotted name's longest matching prefix. A module may import its own layer
# and the layers below it (a smaller number), never one above. `render` (the Render platform) and
# `cli` (the commands) sit on top: the pipeline never imports them.
LAYERS = {
    "analyzer": 0,  # the package itself: version
    "analyzer.model": 0, "analyzer.redact": 0, "analyzer.clock": 0, "analyzer.times": 0,
    "analyzer.terminal": 0, "analyzer.i18n": 0, "analyzer.yamlsafe": 0, "analyzer.outfile": 0,
    "analyzer.urllint": 0,  # one Redis URL read and checked: the doctor and the judge use it
    "analyzer.sources": 1,  # bytes -> records
    "analyzer.engine": 2, "analyzer.summary": 2,  # records -> matches (a part's scan, mergeable)
    "analyzer.judge": 3,  # matches -> diagnosis
    "analyzer.judge_shapes": 3, "analyzer.not_redis": 3, "analyzer.verdict": 3, "analyzer.judge_runs": 3,
    "analyzer.unnamed": 3, "analyzer.storms": 3, "analyzer.stopped": 3, "analyzer.class_reading": 3,  # the judge's parts
    "analyzer.pipeline": 4, "analyzer.cluster": 4, "analyzer.report": 4, "analyzer.expect": 4, "analyzer.export": 4,
    "analyzer.render": 5,  # the Render platform: used by commands only
    "analyzer.cli": 6, "analyzer.__main__": 6,
}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def imports_of(source: str, modules: set[str]) -> set[str]:
    """The analyzer modules a source imports, at module level or inside functions."""

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "analyzer":
            for alias in node.names:  # `from analyzer.engine import parallel` imports a module
                target = resolve(f"{node.module}.{alias.name}") if f"{node.module}.{alias.name}" in modules \
                    else resolve(node.module)
                if target:
                    found.add(target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "analyzer" and resolve(alias.name):
                    found.add(resolve(alias.name))  # type: ignore[arg-type]
    return found


def import_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    names = set(files)
    return {m: imports_of(p.read_text(encoding="utf-8"), names) - {m} for m, p in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def layer(module: str) -> int:
    best = max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len, default=None)
    assert best is not None, f"{module} has no layer: add it to LAYERS (and to docs/architecture.md)"
    return LAYERS[best]


def test_the_cycle_finder_finds_a_cycle_and_only_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_imports_are_read_at_every_depth():
    source = "from analyzer.engine import parallel\ndef f():\n    from analyzer.cli.common import fail\n"
    assert imports_of(source, {"analyzer.engine", "analyzer.engine.parallel", "analyzer.cli.common"}) == {
        "analyzer.engine.parallel", "analyzer.cli.common"}


def test_no_import_cycle_between_modules():
    assert cycles(import_graph()) == []


def test_every_arrow_points_down():
    upward = sorted(f"{m} -> {t}" for m, targets in import_graph().items() for t in targets if layer(t) > layer(m))
    assert upward == [], "a module imports a layer above it (docs/architecture.md):\n" + "\n".join(upward)


@pytest.mark.parametrize("command", ["check", "doctor", "export", "fetch", "follow"])
def test_no_command_imports_the_app_or_another_command(command: str):
    graph = import_graph()
    commands = {f"analyzer.cli.{c}" for c in ("app", "check", "doctor", "export", "fetch", "follow")}
    assert graph[f"analyzer.cli.{command}"] & commands == set()


# No module over about 500 lines unless it is data (issue 16, docs/architecture.md). The language
# catalogues are data. Every other exception names why it stays long; remove it once the module is split
# (the last test fails on an exception that no longer holds).
MAX_LINES = 500
DATA = {f"analyzer/i18n/{p.name}" for p in (PACKAGE / "i18n").glob("*.py") if p.name != "__init__.py"}
LONG_FOR_NOW = {
}


def _lines() -> dict[str, int]:
    return {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
            for p in PACKAGE.rglob("*.py")}


def test_no_code_module_is_over_about_500_lines():
    long = sorted(f"{m}: {n} lines" for m, n in _lines().items()
                  if n > MAX_LINES and m not in DATA and m not in LONG_FOR_NOW)
    assert long == [], f"split these (one module, one job), or say why they stay long in LONG_FOR_NOW: {long}"


def test_no_string_has_an_invalid_escape():
    # '\w' in a plain (non-raw) docstring is a SyntaxWarning today (pytest printed it for affinity.py in session 18)
    # and a SyntaxError in a later Python: every module must compile with the warning made an error
    import warnings

    bad = []
    for path in sorted([*PACKAGE.rglob("*.py"), *(ROOT / "bench").rglob("*.py")]):
        with warnings.catch_warnings():
            warnings.simplefilter("error", SyntaxWarning)
            warnings.simplefilter("error", DeprecationWarning)
            try:
                compile(path.read_text(encoding="utf-8"), str(path), "exec")
            except SyntaxError as exc:
                bad.append(f"{path.relative_to(ROOT)}:{exc.lineno}: {exc.msg}")
    assert bad == []


def test_the_data_and_the_exceptions_are_real():
    lines = _lines()
    assert DATA >= {"analyzer/i18n/en.py", "analyzer/i18n/fr.py"}
    stale = sorted(m for m in LONG_FOR_NOW if lines.get(m, 0) <= MAX_LINES)
    assert stale == [], f"no longer long (or gone): remove from LONG_FOR_NOW: {stale}"


def test_the_architecture_page_names_every_package_and_top_level_module():
    """docs/architecture.md stays true to the tree: a new package or top-level module is named there."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    tops = {p.name for p in PACKAGE.iterdir() if p.suffix == ".py" and p.stem not in ("__init__", "__main__")}
    tops |= {f"{p.name}/" for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    missing = sorted(name for name in tops if name not in page)
    assert missing == [], f"docs/architecture.md does not name: {missing}"


def test_the_redis_url_reader_says_nothing():
    """urllint/redisurl.py (a URL's shapes, its host's kind, how it is shown) has no message and no
    check: it imports nothing of rla but the redaction, so any layer may read a URL with it."""
    assert import_graph()["analyzer.urllint.redisurl"] <= {"analyzer.redact"}
