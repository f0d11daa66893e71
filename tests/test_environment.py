"""environment.yml (conda), requirements.lock (uv), pyproject.toml and the Makefile agree on the packages,
their versions and the supported Pythons."""
from __future__ import annotations

import re
import tomllib

import yaml
from packaging.specifiers import SpecifierSet

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
LOCK = (ROOT / "requirements.lock").read_text()


def _direct_dependencies() -> set[str]:
    project = PYPROJECT["project"]
    names = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    return {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower() for d in names}


def _lock_lines() -> dict[str, list[tuple[str, str]]]:
    """name → [(version, marker)] for every pin of the lock (a package can be pinned per Python)."""
    pins: dict[str, list[tuple[str, str]]] = {}
    for name, version, marker in re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)(?: ; (.*))?$", LOCK, re.M):
        pins.setdefault(name.lower(), []).append((version, marker))
    return pins


def _conda() -> dict[str, str]:
    """name → version spec of environment.yml (``=3.1.1`` pins, ``>=3.11,<3.14`` ranges)."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    specs = {}
    for item in env["dependencies"]:
        if isinstance(item, str):
            name, spec = re.match(r"([A-Za-z0-9_.\-]+)(.*)", item).groups()
            specs[name.lower()] = spec
    return specs


def test_environment_matches_lock():
    conda = _conda()
    conda.pop("python"), conda.pop("pip")
    assert set(conda) == _direct_dependencies()
    lock = _lock_lines()
    for name, spec in conda.items():
        assert lock.get(name) == [(spec.removeprefix("="), "")], \
            f"{name}: environment.yml has {spec}, requirements.lock {lock.get(name)} (one version for every Python)"


def test_every_direct_dependency_is_pinned_in_the_lock():
    lock = _lock_lines()
    for name in _direct_dependencies() | {"uv", "pip"}:  # uv and pip: what `make setup` installs with
        assert name in lock and all(version for version, _marker in lock[name]), name


def test_pyproject_makefile_and_environment_support_the_same_pythons():
    requires = PYPROJECT["project"]["requires-python"]
    supported = re.search(r"^SUPPORTED := (.*)$", (ROOT / "Makefile").read_text(), re.M).group(1).split()
    allowed = [f"3.{minor}" for minor in range(8, 20) if f"3.{minor}.0" in SpecifierSet(requires)]
    assert allowed == supported and supported[0] == "3.11"
    assert _conda()["python"] == requires.replace(" ", "")
