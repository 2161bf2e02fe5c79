"""The package as pip builds it: every folder of the rule pack is a listed package (else setuptools prints a page
of warnings on every install, `make demo` on a fresh machine included) and the license is an SPDX expression."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT


def _setuptools() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_folder_of_the_rule_pack_is_a_listed_package():
    config = _setuptools()["tool"]["setuptools"]
    root = ROOT / config["package-dir"]["analyzer.builtin_rules"]
    folders = {
        ".".join(("analyzer.builtin_rules", *d.relative_to(root).parts))
        for d in [root, *root.rglob("*")]
        if d.is_dir() and "__pycache__" not in d.parts
    }
    assert folders <= set(config["packages"]), sorted(folders - set(config["packages"]))


def test_the_license_is_an_spdx_expression():
    data = _setuptools()
    assert data["project"]["license"] == "MIT"
    assert any(r.startswith("setuptools>=77") for r in data["build-system"]["requires"])
