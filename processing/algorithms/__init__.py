"""The algorithms the provider registers: every BesecureAlgorithm subclass in this package.

Discovery keeps registration in one place: adding an algorithm means adding its module here.
"""
from __future__ import annotations

import importlib
import pkgutil

from ..base import BesecureAlgorithm


def algorithm_classes() -> list[type]:
    """Concrete algorithm classes, sorted by id (stable toolbox and test order)."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    found = {}
    stack = list(BesecureAlgorithm.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.ALGORITHM_ID and cls.__module__.startswith(__name__):
            found[cls.ALGORITHM_ID] = cls
    return [found[k] for k in sorted(found)]
