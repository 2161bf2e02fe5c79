"""A render.yaml read with the line of every key and item, so that the Blueprint check
(analyzer.render.blueprint) can point at the line: the loader, the model (Blueprint, Service) and
load_blueprint. Facts from Render's Blueprint YAML Reference (https://render.com/docs/blueprint-spec).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from analyzer import yamlsafe
from analyzer.i18n import Msg as M

KV_TYPES = ("keyvalue", "redis")  # `redis` is the deprecated alias
DEFAULT_REGION = "oregon"


class BlueprintError(ValueError):
    """The file is not a Blueprint we can read (YAML error, wrong shape): one sentence."""


# --------------------------------------------------------------------------------------------
# a YAML loader that keeps lines
# --------------------------------------------------------------------------------------------


class YMap(dict):
    """A mapping with the line of itself and of each key (1-based)."""

    line: int = 0
    key_line: dict[Any, int]


class YList(list):
    line: int = 0
    item_line: list[int]


class _Loader(yaml.SafeLoader):
    pass


def _map(loader: _Loader, node: yaml.MappingNode) -> YMap:
    loader.flatten_mapping(node)
    out = YMap()
    out.line, out.key_line = node.start_mark.line + 1, {}
    for k_node, v_node in node.value:
        key = loader.construct_object(k_node, deep=True)
        try:
            out[key] = loader.construct_object(v_node, deep=True)
        except TypeError:  # an unhashable key (a list as a key): not a Blueprint shape we read
            continue
        out.key_line[key] = k_node.start_mark.line + 1
    return out


def _seq(loader: _Loader, node: yaml.SequenceNode) -> YList:
    out = YList(loader.construct_object(n, deep=True) for n in node.value)
    out.line, out.item_line = node.start_mark.line + 1, [n.start_mark.line + 1 for n in node.value]
    return out


_Loader.add_constructor("tag:yaml.org,2002:map", _map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _seq)


def line_of(obj: Any, key: str | None = None, default: int = 1) -> int:
    """The line of a mapping (or of its `key`), of a list, or `default` for a plain value."""
    if isinstance(obj, YMap):
        return obj.key_line.get(key, obj.line) if key is not None else obj.line
    return getattr(obj, "line", default) or default


# --------------------------------------------------------------------------------------------
# the model
# --------------------------------------------------------------------------------------------


@dataclass
class Service:
    name: str
    type: str
    spec: YMap
    where: str = ""  # "" at the root, "project p / environment e" otherwise

    @property
    def region(self) -> str:
        return str(self.spec.get("region") or DEFAULT_REGION)

    @property
    def is_kv(self) -> bool:
        return self.type in KV_TYPES

    @property
    def line(self) -> int:
        return self.spec.line

    def env_vars(self) -> list[YMap]:
        evs = self.spec.get("envVars")
        return [e for e in evs if isinstance(e, YMap)] if isinstance(evs, list) else []


@dataclass
class Blueprint:
    path: str
    services: list[Service] = field(default_factory=list)
    groups: dict[str, YMap] = field(default_factory=dict)

    @property
    def key_values(self) -> dict[str, Service]:
        return {s.name: s for s in self.services if s.is_kv}

    def by_name(self, name: str) -> Service | None:
        return next((s for s in self.services if s.name == name), None)


def load_blueprint(text: str, path: str = "render.yaml") -> Blueprint:
    """Parse a render.yaml: root `services`/`envVarGroups` and those of `projects[].environments[]`."""
    try:
        doc = yamlsafe.load(text, _Loader)  # bounded: aliases, depth, size (a render.yaml is user input)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise BlueprintError(str(M("bp.error.yaml", path=path, where=where,
                                   problem=getattr(exc, "problem", None) or type(exc).__name__))) from None
    if doc is None:
        doc = YMap()
        doc.line, doc.key_line = 1, {}
    if not isinstance(doc, dict):
        raise BlueprintError(str(M("bp.error.shape", path=path)))
    bp = Blueprint(path)
    scopes: list[tuple[Any, str]] = [(doc, "")]
    for project in doc.get("projects") or []:
        if not isinstance(project, dict):
            continue
        for env in project.get("environments") or []:
            if isinstance(env, dict):
                scopes.append((env, f"{project.get('name')}/{env.get('name')}"))
    for scope, where in scopes:
        for svc in scope.get("services") or []:
            if isinstance(svc, YMap) and svc.get("name"):
                bp.services.append(Service(str(svc.get("name")), str(svc.get("type") or ""), svc, where))
        for group in scope.get("envVarGroups") or []:
            if isinstance(group, YMap) and group.get("name"):
                bp.groups[str(group["name"])] = group
    return bp
