"""A plain `pip install rla` gets the compiled engines only where PyPI has a wheel for them.

The markers of pyproject.toml are evaluated for every (platform, Python) of bench/wheels.py's table,
the table that script checks against PyPI with `pip download --only-binary=:all:`: a marker that is
true where no wheel exists would make pip build from source (and fail without a compiler)."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _wheels():
    spec = importlib.util.spec_from_file_location("rla_bench_wheels", ROOT / "bench" / "wheels.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _requirements() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    return {r.name: r for r in reqs}


@pytest.mark.parametrize("package", ["hyperscan", "pyahocorasick"])
def test_marker_never_asks_for_a_missing_wheel(package: str):
    wheels = _wheels()
    req = _requirements()[package]
    assert req.marker is not None  # a bare dependency would build from source on every other platform
    installed_on = []
    for platform in wheels.PLATFORMS:
        for python in wheels.PYTHONS:
            wanted = req.marker.evaluate(wheels.environment(platform, python))
            if wanted:
                assert wheels.has_wheel(package, platform, python), (package, platform, python)
                installed_on.append((platform, python))
    # and it is really the default on the common platforms (Linux, macOS, Windows on x86-64)
    for platform in ("manylinux2014_x86_64", "macosx_11_0_arm64", "win_amd64"):
        assert (platform, "3.11") in installed_on


def test_every_platform_without_hyperscan_that_has_a_wheel_gets_the_second_engine():
    wheels = _wheels()
    reqs = _requirements()
    # 32-bit x86: pyahocorasick has a wheel for Python 3.10 alone, left out on purpose (a marker for
    # one version of a platform we do not test on would be a build from source the day it changes)
    for platform in (p for p in wheels.PLATFORMS if p != "manylinux2014_i686"):
        for python in wheels.PYTHONS:
            env = wheels.environment(platform, python)
            if not reqs["hyperscan"].marker.evaluate(env) and wheels.has_wheel("pyahocorasick", platform, python):
                # musllinux aarch64 is not told apart from glibc by markers: the marker may only be as
                # wide as the narrower of the two, so these must still get pyahocorasick
                assert reqs["pyahocorasick"].marker.evaluate(env), (platform, python)
