"""The package list: the project's packages plus the top-level templates/ folder, which
ships inside the wheel as `portal.templates` (the rest of the metadata is pyproject.toml)."""

from pathlib import Path

from setuptools import find_namespace_packages, setup

TEMPLATES = ["portal.templates"] + [
    f"portal.templates.{p.name}" for p in sorted(Path("templates").iterdir()) if p.is_dir()
]

setup(
    packages=[
        *find_namespace_packages(
            include=["portal*", "models*", "auth*", "seed*"], exclude=["*__pycache__*"]
        ),
        *TEMPLATES,
    ],
    package_dir={"portal.templates": "templates"},
)
