"""Packaging details pyproject.toml cannot express.

resources/ sits at the top of the tree (data, translations, icons) and is installed inside
the package as festival_app/resources, so an installed program finds it.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["festival_app", "festival_app.*"]), "festival_app.resources"],
    package_dir={"festival_app.resources": "resources"},
    package_data={"festival_app": ["py.typed"], "festival_app.resources": ["**/*"]},
)
