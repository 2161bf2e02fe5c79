"""The one YAML loader for everything a user supplies (rule packs, pack.yaml, .rla.yaml,
expectations): safe tags only, and bounded work whatever the text.

PyYAML builds an alias as a shared reference, so a "billion laughs" document is small in memory
until something walks it (a check, an error message printing it): then it is exponential. Each
document's node graph is measured with aliases expanded before anything is built from it, and
refused past MAX_NODES nodes or MAX_DEPTH levels; a recursive alias is refused too. Errors are
`yaml.MarkedYAMLError`s (file line and reason, like any YAML error) and never quote a value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: 4x faster

MAX_BYTES = 4 * 1024 * 1024  # a rule pack file is a few KiB; an expectations file a few hundred
MAX_NODES = 100_000  # scalars, lists and mappings of one document, aliases counted at every use
MAX_DEPTH = 64  # levels of nesting (also keeps the parser's recursion far from Python's limit)


class YAMLLimitError(yaml.MarkedYAMLError):
    """A document over the limits (never quotes the document's values)."""


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def check_node(root: yaml.Node) -> None:
    """Raise YAMLLimitError when the document, aliases expanded, is too big, too deep or recursive.
    Linear in the number of distinct nodes: a shared node's expanded size is counted once."""
    size: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            open_.discard(key)
            total = 1 + sum(size[id(c)] for c in _children(node))
            if total > MAX_NODES:
                raise YAMLLimitError(problem=f"the document expands to over {MAX_NODES:,} values (aliases "
                                             "repeated inside aliases?); rla refuses it", problem_mark=root.start_mark)
            size[key] = total
            continue
        if key in size:
            continue
        if key in open_:
            raise YAMLLimitError(problem="an alias refers to a node that contains it; rla refuses it",
                                 problem_mark=node.start_mark)
        if depth > MAX_DEPTH:
            raise YAMLLimitError(problem=f"nested over {MAX_DEPTH} levels deep; rla refuses it",
                                 problem_mark=node.start_mark)
        open_.add(key)
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in _children(node) if id(c) not in size)


def _run(text: str, loader_class: type, prepare: Callable[[Any], None] | None, single: bool) -> list[Any]:
    if len(text) > MAX_BYTES:
        raise YAMLLimitError(problem=f"the file is over {MAX_BYTES // 2**20} MiB; rla refuses it")
    loader = loader_class(text)
    if prepare is not None:
        prepare(loader)
    try:
        nodes = [loader.get_single_node()] if single else iter(lambda: loader.get_node() if loader.check_node() else None, None)
        docs = []
        for node in nodes:
            if node is None:
                continue
            check_node(node)
            docs.append(loader.construct_document(node))
        return docs
    except RecursionError:  # the parser itself recursing on nesting deeper than MAX_DEPTH
        raise YAMLLimitError(problem=f"nested over {MAX_DEPTH} levels deep; rla refuses it") from None
    finally:
        loader.dispose()


def load_all(text: str, loader_class: type = SafeLoader, prepare: Callable[[Any], None] | None = None) -> list[Any]:
    """Every non-empty document of `text`, each checked before it is built. `prepare(loader)` may
    set attributes a custom loader's constructors read."""
    return _run(text, loader_class, prepare, single=False)


def load(text: str, loader_class: type = SafeLoader) -> Any:
    """Like yaml.safe_load (one document, None when empty), bounded; `loader_class` a SafeLoader."""
    docs = _run(text, loader_class, None, single=True)
    return docs[0] if docs else None


def shown(value: Any, limit: int = 80) -> str:
    """A value for an error message, cut short at every level: never an alias's expansion."""
    import reprlib

    r = reprlib.Repr()
    r.maxlevel, r.maxlist, r.maxdict, r.maxstring, r.maxother = 2, 6, 6, limit, limit
    text = value if isinstance(value, str) else r.repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
