"""Packaging beyond what pyproject.toml can say: the repository's ``resources/`` folder is
installed inside the package, as ``app/resources``, so that an installed wheel adds no
top-level folder to site-packages (``app/core/paths.py`` finds it there). Each folder of it,
like ``app/core/migrations``, is named as a package of data: setuptools installs data by
package."""

from pathlib import Path

from setuptools import find_namespace_packages, setup

RESOURCES = Path(__file__).parent / "resources"
resource_packages = [
    ".".join(("app.resources", *folder.relative_to(RESOURCES).parts))
    for folder in sorted([RESOURCES, *RESOURCES.rglob("*")])
    if folder.is_dir()
]

setup(
    packages=[
        *find_namespace_packages(include=["app", "app.*"], exclude=["*__pycache__"]),
        *resource_packages,
    ],
    package_dir={"app.resources": "resources"},
)
