"""Packaging details pyproject.toml cannot express.

resources/ sits at the top of the tree (data, translations, icons) and is installed inside
the package as festival_app/resources, so an installed program finds it. Each of its
folders is listed as a package of its own (festival_app.resources.sample, ...), with its
files as package data: setuptools warns about data folders that are not listed.
"""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCES = [
    "festival_app.resources",
    *(f"festival_app.resources.{name}" for name in find_namespace_packages(where="resources")),
]

setup(
    packages=[*find_packages(include=["festival_app", "festival_app.*"]), *RESOURCES],
    package_dir={"festival_app.resources": "resources"},
    package_data={"festival_app": ["py.typed"], **{name: ["*"] for name in RESOURCES}},
)
