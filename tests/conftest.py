"""Shared helpers: diagnose a string the way `rla analyze` would, with the built-in rules."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from analyzer.model import Diagnosis
from analyzer.pipeline import diagnose
from analyzer.rules import RuleSet, load_rules
from analyzer.sources.files import text_block

ROOT = Path(__file__).resolve().parent.parent


@functools.lru_cache(maxsize=1)
def builtin() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return builtin()


def diag_of(text: str, fmt: str = "auto") -> Diagnosis:
    return diagnose([text_block(text, "<test>")], builtin(), fmt)


def ids(diag: Diagnosis) -> set[str]:
    return {f.rule_id for f in diag.findings}
