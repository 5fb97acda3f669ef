"""Build hook: the wheel carries the bundled resources/ and the default sources.yaml.

They stay at the top of the repository (where the project keeps them); a built package
finds its copy under clipper/_bundled (see clipper/paths.py).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithResources(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return  # an editable install reads them where they are
        target = Path(self.build_lib) / "clipper" / "_bundled"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(HERE / "resources", target / "resources",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "tools"))
        shutil.copy2(HERE / "sources.yaml", target / "sources.yaml")


setup(cmdclass={"build_py": BuildWithResources})
