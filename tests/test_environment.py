"""environment.yml (conda) and requirements.lock (pip) name the same packages at the same versions."""
from __future__ import annotations

import re
import tomllib

import yaml

from conftest import ROOT


def _direct_dependencies() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    return {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower() for d in names}


def test_environment_matches_lock():
    lock = {name.lower(): version for name, version in
            re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", (ROOT / "requirements.lock").read_text(), re.M)}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {}
    for item in env["dependencies"]:
        if isinstance(item, str) and "=" in item:
            name, version = item.split("=", 1)
            conda[name.lower()] = version
    assert conda.pop("python") == "3.11"
    assert set(conda) == _direct_dependencies()
    for name, version in conda.items():
        assert lock.get(name) == version, f"{name}: environment.yml has {version}, requirements.lock {lock.get(name)}"


def test_every_direct_dependency_is_pinned_in_the_lock():
    lock = (ROOT / "requirements.lock").read_text().lower()
    for name in _direct_dependencies():
        assert re.search(rf"^{re.escape(name)}==", lock, re.M), name
