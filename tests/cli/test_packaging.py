"""Packaging without warnings: the licence in the SPDX string form with a setuptools that
reads it, and every folder of resources/ listed as a package with its files as data (an
unlisted one makes setuptools warn that it is "absent from the packages configuration")."""

from __future__ import annotations

import fnmatch
import re
import runpy
import tomllib
from pathlib import Path
from typing import Any

import pytest
import setuptools

REPO = Path(__file__).resolve().parents[2]


def test_the_licence_is_an_spdx_string_read_by_the_setuptools_pinned() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"  # not the deprecated {text = "MIT"}
    (spec,) = [r for r in project["build-system"]["requires"] if r.startswith("setuptools")]
    match = re.fullmatch(r"setuptools>=(\d+)(?:\.\d+)*", spec.replace(" ", ""))
    assert match and int(match.group(1)) >= 77, spec  # 77: the first to read the string
    assert not any("License ::" in c for c in project["project"].get("classifiers", []))


@pytest.fixture
def setup_arguments(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What setup.py hands to setuptools.setup, without building anything."""
    seen: dict[str, Any] = {}
    monkeypatch.setattr(setuptools, "setup", lambda **kwargs: seen.update(kwargs))
    monkeypatch.chdir(REPO)
    runpy.run_path(str(REPO / "setup.py"), run_name="__main__")
    return seen


def test_every_resource_folder_is_a_package_with_its_files(setup_arguments: dict[str, Any]) -> None:
    packages = set(setup_arguments["packages"])
    assert setup_arguments["package_dir"]["festival_app.resources"] == "resources"
    data = setup_arguments["package_data"]
    resources = REPO / "resources"
    folders = [resources, *(p for p in resources.rglob("*") if p.is_dir())]
    folders = [f for f in folders if "__pycache__" not in f.parts]
    assert len(folders) >= 3  # resources, sample, translations
    for folder in folders:
        relative = folder.relative_to(resources)
        name = ".".join(("festival_app", "resources", *relative.parts))
        assert name in packages, name
        for file in (p for p in folder.iterdir() if p.is_file()):
            patterns = data.get(name, [])
            assert any(fnmatch.fnmatch(file.name, pattern) for pattern in patterns), file
    assert "festival_app" in packages and "py.typed" in data["festival_app"]
