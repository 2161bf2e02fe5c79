"""The rule pack, validated once: `load_rules`' result kept as plain data, so that a run whose rules did
not change reads one JSON file instead of parsing and checking every YAML file (the largest part of
`rla analyze small.log`'s start-up after the imports).

    ruleset = cached_rules(["my-rules/"])    # same result as load_rules(["my-rules/"])

Trust nothing: the key is a hash of the bytes and relative path of every YAML file of every pack, the
packs' paths as given, rla's version, the Python version, and the source of the modules that turn YAML
into rules (a checkout whose loader changed is another version). The file holds only JSON (never
pickle), is written atomically and read whole; a file that is unreadable, cut short, of another format
or another key is ignored and written again. Losing the cache costs one slow start.

Where: RLA_CACHE_DIR, else $XDG_CACHE_HOME/rla, else the platform's user cache folder. RLA_NO_CACHE=1
turns it off; a folder that cannot be written turns it off silently.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

try:  # BLAKE2 built into CPython: hashlib would load OpenSSL first, a cost on every start
    from _blake2 import blake2b
except ImportError:  # another interpreter
    from hashlib import blake2b

from analyzer import __version__
from analyzer.cachedir import cache_dir
from analyzer.engine.affinity import Affinity
from analyzer.engine.classes import FailureClass
from analyzer.engine.regex import LazyPattern
from analyzer.model import Reclassify, Rule, Severity, Texts

FORMAT = 3  # 3: mappings and fields as lists of pairs (decoded by json's object_hook)
KEEP = 8  # cache files kept (several projects, each with its own packs); the least recently written go
MAX_FILE = 32 * 1024 * 1024
_HERE = Path(__file__).resolve().parent
# the code that turns YAML into a RuleSet: a change to it changes what a cached pack means
_LOADER = (
    _HERE / "rules.py", _HERE / "ruleparse.py", _HERE / "classes.py", _HERE / "affinity.py", _HERE / "regex.py",
    _HERE / "packcache.py",
    _HERE.parent / "model.py",
)  # fmt: skip
_CLASSES: dict[str, type] = {c.__name__: c for c in (Rule, Reclassify, Texts, FailureClass, Affinity)}


def cached_rules(extra_dirs: Iterable[str | Path] = (), builtin: bool = True):  # type: ignore[no-untyped-def]
    """`load_rules(extra_dirs, builtin)`, from the cache when every file it reads is unchanged.
    Raises what load_rules raises (a broken pack is never cached)."""
    from analyzer.engine import rules as loader

    extra = [Path(d) for d in extra_dirs]
    folder = cache_dir()
    key = None
    if folder is not None:
        roots = ([loader.builtin_rules_dir()] if builtin else []) + extra
        key = pack_key(roots, builtin)
    if key is not None:
        found = _read(folder / f"rules-{key}.json", key)  # type: ignore[operator]
        if found is not None:
            return found
    ruleset = loader.load_rules(extra, builtin)
    if key is not None:
        _write(folder, key, ruleset)  # type: ignore[arg-type]
    return ruleset


def pack_key(roots: list[Path], builtin: bool = True) -> str | None:
    """The hash of everything a load of these packs reads and depends on; None when a pack cannot be
    walked (missing, a link loop): then load_rules says what is wrong."""
    h = blake2b(digest_size=32)
    h.update(f"rla-rules/{FORMAT}\0{__version__}\0{sys.version}\0{builtin}\0".encode())
    try:
        for path in _LOADER:
            h.update(path.read_bytes())
        for root in roots:
            h.update(b"\0root\0" + os.fsencode(root))
            for rel, path in _yaml_files(root):
                with open(path, "rb") as f:
                    data = f.read()
                h.update(b"\0%s\0%d\0" % (rel.encode("utf-8", "surrogateescape"), len(data)))
                h.update(data)
    except (OSError, ValueError):
        return None
    return h.hexdigest()


def _yaml_files(root: Path) -> list[tuple[str, str]]:
    """Every YAML file below root (rules, classes, pack.yaml, affinity.yaml), in a stable order, as (relative
    POSIX path, path). Strings, not Path objects: every start walks the whole pack (twice as fast)."""
    if root.is_file():
        return [(root.name, os.fspath(root))]
    if not root.is_dir():
        raise ValueError(f"{root}: not a folder")
    top = os.fspath(root)
    out: list[tuple[str, str]] = []
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(top, followlinks=True):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen:
            raise ValueError(f"{dirpath}: a link loop")
        seen.add((st.st_dev, st.st_ino))
        dirnames.sort()
        rel = os.path.relpath(dirpath, top)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for name in sorted(filenames):
            if name.endswith((".yaml", ".yml")):
                out.append((prefix + name, os.path.join(dirpath, name)))
    return out


# -- plain data both ways: every value tagged with its type, classes from a closed list ------------------
# Every JSON object of the file is one tagged value (a mapping's items and a class's fields are lists of
# pairs, never objects with keys of their own), so the reader decodes in json's own pass: `_decode` is
# its object_hook, called for each object once its contents are decoded (a third of the time of walking
# the decoded tree again in Python).


def to_plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, Severity):
        return {"sev": int(value)}
    if isinstance(value, int) and type(value) is int:
        return value
    if isinstance(value, LazyPattern):  # with the literals the planner derives from it (parsing it costs)
        return {"lazy": value.pattern, "untrusted": value.untrusted, "keywords": to_plain(value.keywords())}
    if isinstance(value, re.Pattern):
        return {"re": value.pattern, "flags": value.flags}
    if isinstance(value, tuple):
        return {"tuple": [to_plain(v) for v in value]}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, frozenset):
        return {"frozenset": sorted(to_plain(v) for v in value)}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("a mapping with keys that are not text")
        return {"dict": [[k, to_plain(v)] for k, v in value.items()]}
    if is_dataclass(value) and type(value).__name__ in _CLASSES and _CLASSES[type(value).__name__] is type(value):
        return {"class": type(value).__name__, "fields": [[f.name, to_plain(getattr(value, f.name))] for f in fields(value)]}
    raise TypeError(f"cannot keep a {type(value).__name__} in the rule cache")


_DOC = frozenset({"format", "key", "rules", "overridden", "classes", "affinity"})  # the file's own object


def _pairs(items: Any) -> dict[str, Any]:
    if not isinstance(items, list) or not all(type(p) is list and len(p) == 2 and type(p[0]) is str for p in items):
        raise ValueError("not the items of a mapping")
    return dict(items)


def _decode(obj: dict[str, Any]) -> Any:
    """One JSON object of the cache file -> its value (json's object_hook); anything else raises."""
    if len(obj) == 1:
        if "tuple" in obj:
            items = obj["tuple"]
            if type(items) is not list:
                raise ValueError("not the items of a tuple")
            return tuple(items)
        if "dict" in obj:
            return _pairs(obj["dict"])
        if "sev" in obj:
            return Severity(int(obj["sev"]))
        if "frozenset" in obj and type(obj["frozenset"]) is list:
            return frozenset(obj["frozenset"])
    elif len(obj) == 2:
        if "class" in obj and "fields" in obj:
            cls = _CLASSES[str(obj["class"])]  # KeyError: not one of ours
            return cls(**_pairs(obj["fields"]))
        if "re" in obj and "flags" in obj:
            return re.compile(str(obj["re"]), int(obj["flags"]))
    elif len(obj) == 3 and "lazy" in obj and "untrusted" in obj and "keywords" in obj:
        keywords = obj["keywords"]
        if keywords is not None and not (
            isinstance(keywords, tuple) and len(keywords) == 2 and isinstance(keywords[0], list)
            and all(isinstance(k, str) for k in keywords[0]) and isinstance(keywords[1], bool)
        ):
            raise ValueError("not the keywords of a pattern")
        return LazyPattern(str(obj["lazy"]), bool(obj["untrusted"]), keywords)
    elif obj.keys() == _DOC:
        return obj
    raise ValueError("not a value of the rule cache")


def _read(path: Path, key: str):  # type: ignore[no-untyped-def]
    """The cached RuleSet, or None (absent, cut short, another format or key, anything unexpected)."""
    from analyzer.engine.rules import RuleSet

    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_FILE + 1)
        if len(raw) > MAX_FILE:
            return None
        doc = json.loads(raw, object_hook=_decode)
        if doc.get("format") != FORMAT or doc.get("key") != key:
            return None
        return RuleSet(
            tuple(_checked(r, _CLASSES["Rule"]) for r in doc["rules"]),
            tuple(str(r) for r in doc["overridden"]),
            tuple(_checked(c, FailureClass) for c in doc["classes"]),
            None if doc["affinity"] is None else _checked(doc["affinity"], Affinity),
        )
    except Exception:  # noqa: BLE001 - a bad cache file is a cache miss, whatever is wrong with it
        return None


def _checked(value: Any, cls: type) -> Any:
    if type(value) is not cls:
        raise ValueError(f"not a {cls.__name__}")
    return value


def _write(folder: Path, key: str, ruleset) -> None:  # type: ignore[no-untyped-def]
    """Write atomically (a temporary file renamed over), keep the KEEP newest; any failure leaves no trace."""
    import tempfile  # here: it imports random and shutil, which a run reading the cache does without

    try:
        doc = {
            "format": FORMAT,
            "key": key,
            "rules": [to_plain(r) for r in ruleset.rules],
            "overridden": list(ruleset.overridden),
            "classes": [to_plain(c) for c in ruleset.classes],
            "affinity": to_plain(ruleset.affinity),
        }
        data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError):
        return  # a value the format does not know: run without the cache rather than keep half of it
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".rules-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, folder / f"rules-{key}.json")
        tmp = None
        old = sorted(folder.glob("rules-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[KEEP:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
