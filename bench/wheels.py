#!/usr/bin/env python3
"""Where the compiled engines have wheels: the table the install markers in pyproject.toml follow.

A plain `pip install rla` pulls Hyperscan and pyahocorasick through environment markers that are
true only where PyPI has a binary wheel, so the marker never makes pip build from source (no C
compiler, no Hyperscan library needed). tests/test_install_markers.py checks the markers against
WHEELS; this script checks WHEELS against PyPI (run by hand, needs the network):

    python bench/wheels.py          # pip download --only-binary=:all: for every row; prints mismatches
"""

from __future__ import annotations

import subprocess
import sys
import tempfile

# (pip --platform tag, the marker environment of such a machine)
PLATFORMS = {
    "manylinux2014_x86_64": {"sys_platform": "linux", "platform_machine": "x86_64"},
    "musllinux_1_2_x86_64": {"sys_platform": "linux", "platform_machine": "x86_64"},
    "manylinux2014_aarch64": {"sys_platform": "linux", "platform_machine": "aarch64"},
    "musllinux_1_2_aarch64": {"sys_platform": "linux", "platform_machine": "aarch64"},
    "macosx_11_0_arm64": {"sys_platform": "darwin", "platform_machine": "arm64"},
    "macosx_10_15_x86_64": {"sys_platform": "darwin", "platform_machine": "x86_64"},
    "win_amd64": {"sys_platform": "win32", "platform_machine": "AMD64"},
    "win_arm64": {"sys_platform": "win32", "platform_machine": "ARM64"},
    "manylinux2014_i686": {"sys_platform": "linux", "platform_machine": "i686"},
    "manylinux2014_ppc64le": {"sys_platform": "linux", "platform_machine": "ppc64le"},
}
PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")

# Rows WITHOUT a wheel (checked on PyPI on 2026-12-04 with this script); every other
# (platform, python) of the matrix has one.
NO_WHEEL = {
    "hyperscan": {
        ("manylinux2014_aarch64", "3.14"),
        *((p, v) for p in ("win_arm64", "manylinux2014_i686", "manylinux2014_ppc64le") for v in PYTHONS),
    },
    "pyahocorasick": {
        *((p, v) for p in ("win_arm64", "manylinux2014_ppc64le") for v in PYTHONS),
        *(("manylinux2014_i686", v) for v in PYTHONS if v != "3.10"),  # 3.10 alone has an i686 wheel
    },
}


def has_wheel(package: str, platform: str, python: str) -> bool:
    return (platform, python) not in NO_WHEEL[package]


def environment(platform: str, python: str) -> dict[str, str]:
    """The marker environment of a CPython `python` on `platform`."""
    return {
        **PLATFORMS[platform],
        "python_version": python,
        "python_full_version": python + ".0",
        "platform_python_implementation": "CPython",
        "implementation_name": "cpython",
        "os_name": "nt" if PLATFORMS[platform]["sys_platform"] == "win32" else "posix",
    }


def pypi_has_wheel(package: str, platform: str, python: str, dest: str) -> bool:
    out = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         "--platform", platform, "--python-version", python, "-d", dest, package],
        capture_output=True, text=True,
    )  # fmt: skip
    return out.returncode == 0


def main() -> int:
    wrong = 0
    with tempfile.TemporaryDirectory() as dest:
        for package in NO_WHEEL:
            for platform in PLATFORMS:
                for python in PYTHONS:
                    real = pypi_has_wheel(package, platform, python, dest)
                    ok = real == has_wheel(package, platform, python)
                    wrong += not ok
                    print(f"{'ok  ' if ok else 'DIFF'} {package:14} {platform:24} {python}: wheel={real}")
    print("the table matches PyPI" if not wrong else f"{wrong} rows differ: update NO_WHEEL and the markers")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
