"""Project configuration: a `[tool.rla]` table in pyproject.toml, or a `.rla.yaml` file.

    # .rla.yaml                      # pyproject.toml
    rules: [./my-rules]              [tool.rla]
    select: [redis-]                 rules = ["./my-rules"]
    ignore: [redis-url-set]          ignore = ["redis-url-set"]
    fail-on: warning                 fail-on = "warning"

Found by walking up from the current directory to the repository root (a folder with `.git`);
in one folder `.rla.yaml` wins over pyproject.toml, and a pyproject.toml without `[tool.rla]` is
passed over. Rule pack paths are relative to the file that names them. `analyze`, `check` and the
`rules` commands read the same configuration. A typo'd key is an error, never ignored.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KEYS = {"rules", "select", "ignore", "fail-on"}
_LEVELS = ("ok", "info", "warning", "error", "critical", "unknown")  # as --fail-on
ENV = "RLA_CONFIG"  # a config file to use instead of searching ("" or "none": no config at all)


class ConfigError(Exception):
    """The configuration file is wrong: one sentence, exit 2."""


@dataclass(frozen=True)
class Config:
    """The settings a project file gives (`[tool.rla]`): rule packs, selection, thresholds."""

    path: Path | None = None
    rules: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(v.strip() for v in value)


def parse(table: Any, path: Path) -> Config:
    where = str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: the rla configuration must be a table of keys ({', '.join(sorted(KEYS))})")
    table = {str(k).replace("_", "-"): v for k, v in table.items()}
    unknown = sorted(set(table) - KEYS)
    if unknown:
        from analyzer import yamlsafe

        raise ConfigError(f"{where}: unknown key '{yamlsafe.shown(unknown[0])}' (known: {', '.join(sorted(KEYS))})")
    base = path.parent
    rules = tuple(base / p for p in _strings(table.get("rules", []), where, "rules"))
    fail_on = table.get("fail-on")
    if fail_on is not None and (not isinstance(fail_on, str) or fail_on.lower() not in _LEVELS):
        raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(_LEVELS)}")
    return Config(
        path=path,
        rules=rules,
        select=_strings(table.get("select", []), where, "select"),
        ignore=_strings(table.get("ignore", []), where, "ignore"),
        fail_on=fail_on.lower() if isinstance(fail_on, str) else None,
    )


def _read_yaml(path: Path) -> Config:
    import yaml  # here: a project without .rla.yaml imports no YAML code

    from analyzer import yamlsafe

    try:
        doc = yamlsafe.load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML ({str(exc).splitlines()[0]})") from None
    return parse(doc if doc is not None else {}, path)


def _read_pyproject(path: Path) -> Config | None:
    try:
        import tomllib  # type: ignore[import-not-found]
    except ModuleNotFoundError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ModuleNotFoundError:
            return None
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    table = doc.get("tool", {}).get("rla") if isinstance(doc.get("tool"), dict) else None
    if table is None:
        return None
    return parse(table, path)


def read(path: Path) -> Config:
    """One named configuration file (.rla.yaml / .yml, or a pyproject.toml)."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    if path.name.endswith(".toml"):
        return _read_pyproject(path) or Config(path=path)
    return _read_yaml(path)


def find(start: Path | None = None) -> Config:
    """The configuration that applies in `start` (default: the current directory)."""
    env = os.environ.get(ENV)
    if env is not None:
        return Config() if env.strip().lower() in ("", "none") else read(Path(env))
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in (".rla.yaml", ".rla.yml"):
            if (folder / name).is_file():
                return _read_yaml(folder / name)
        if (folder / "pyproject.toml").is_file():
            found = _read_pyproject(folder / "pyproject.toml")
            if found is not None:
                return found
        if (folder / ".git").exists():
            break
    return Config()


@dataclass(frozen=True)
class RuleFilter:
    """--select / --ignore: by exact id or by prefix ('redis-url' takes every redis-url-* rule)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    _cache: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def allows(self, rule_id: str) -> bool:
        hit = self._cache.get(rule_id)
        if hit is None:
            chosen = not self.select or any(rule_id.startswith(p) for p in self.select)
            hit = chosen and not any(rule_id.startswith(p) for p in self.ignore)
            self._cache[rule_id] = hit
        return hit

    def unknown(self, known_ids: Iterable[str]) -> str | None:
        """The first select/ignore entry that names no rule at all (a typo), if any."""
        ids = list(known_ids)
        for p in (*self.select, *self.ignore):
            if not any(i.startswith(p) for i in ids):
                return p
        return None
