"""Packaging hook: ship the repository's top-level templates/ inside the wheel.

The templates stay at templates/ in the repository (where their authors edit them and the
project's regiodocs.toml points); a built wheel carries a copy as regiodocs/templates, which
an installed regiodocs uses in any project folder without templates of its own. All other
metadata is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTemplates(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "templates"
        target = Path(self.build_lib) / "regiodocs" / "templates"
        target.mkdir(parents=True, exist_ok=True)
        for template in sorted(source.glob("*.j2")):
            self.copy_file(str(template), str(target / template.name))


setup(cmdclass={"build_py": BuildWithTemplates})
