"""The optional Python packages, in one place: what each serves and how to install it.

numpy, scipy and pandas come with QGIS and are required. The packages below are not: a missing one
never stops the plugin from loading; only what needs it says so, naming the Debian/Ubuntu package and
the pip name. Code that needs one imports it through :func:`optional_import` inside the function that
uses it (never at module level), so importing a module never fails for want of it.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class OptionalPackage:
    """An optional package: its import name, pip name and Debian/Ubuntu package."""

    module: str
    pip: str
    debian: str


PACKAGES: dict[str, OptionalPackage] = {p.module: p for p in (
    OptionalPackage("sklearn", "scikit-learn", "python3-sklearn"),
    OptionalPackage("statsmodels", "statsmodels", "python3-statsmodels"),
    OptionalPackage("pyqtgraph", "pyqtgraph", "python3-pyqtgraph"),
    OptionalPackage("geopandas", "geopandas", "python3-geopandas"),
    OptionalPackage("rasterio", "rasterio", "python3-rasterio"),
    OptionalPackage("dask", "dask", "python3-dask"),
    OptionalPackage("distributed", "distributed", "python3-distributed"),
)}


class MissingDependency(ValueError):
    """An optional package is needed but cannot be imported (a ValueError: algorithms show it as a Processing
    error, and :class:`processing.base.BesecureAlgorithm` words it in the user's language)."""

    def __init__(self, package: OptionalPackage) -> None:
        self.package = package
        super().__init__(f"The Python package {package.pip} is needed but not installed. On Debian or Ubuntu: "
                         f"sudo apt install {package.debian}; elsewhere: pip install {package.pip}.")


def optional_import(module: str) -> ModuleType:
    """Import the optional package ``module`` (a key of :data:`PACKAGES`) or raise :class:`MissingDependency`."""
    package = PACKAGES[module]
    try:
        return importlib.import_module(module)
    except Exception as exc:  # noqa: BLE001 - absent, or built for another numpy or Qt: unusable either way
        raise MissingDependency(package) from exc
