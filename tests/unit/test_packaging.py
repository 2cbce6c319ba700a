"""The wheel carries everything the portal reads at run time, templates/ included."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["portal", "models", "auth", "seed", "templates", "pyproject.toml", "setup.py"]


def _build_wheel(tmp_path: Path) -> zipfile.ZipFile:
    tree = tmp_path / "tree"
    tree.mkdir()
    for name in [*SOURCES, "README.md"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tree / name)
    out = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-c",
            f"from setuptools import build_meta; build_meta.build_wheel({str(out)!r})",
        ],
        cwd=tree,
        check=True,
        capture_output=True,
    )
    return zipfile.ZipFile(next(out.glob("*.whl")))


def test_the_wheel_holds_the_templates_and_the_data_files(tmp_path):
    names = set(_build_wheel(tmp_path).namelist())
    templates = {
        "portal/templates/" + p.relative_to(ROOT / "templates").as_posix()
        for p in (ROOT / "templates").rglob("*.html")
    }
    assert templates and templates <= names, sorted(templates - names)
    for pattern in (
        "portal/translations/*/*.po",
        "models/*.toml",
        "portal/static/*.css",
        "models/messages/*.toml",  # the message templates (models.message_templates)
    ):
        wanted = {p.relative_to(ROOT).as_posix() for p in ROOT.glob(pattern)}
        assert wanted and wanted <= names, sorted(wanted - names)
    assert "portal/migrations/versions/0001_initial_schema.py" in names
    assert "seed/personas.toml" in names


def test_an_installed_portal_finds_its_templates_beside_its_code(monkeypatch, tmp_path):
    from portal import app as app_module

    monkeypatch.setattr(app_module, "ROOT", tmp_path)  # no templates/ beside the package
    assert app_module.template_folder() == Path(app_module.__file__).resolve().parent / "templates"
