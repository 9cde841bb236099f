"""Where libpysal's example data sets (Columbus, St. Louis, ...) are on this machine.

Debian 12's python3-libpysal keeps them inside the package (libpysal/examples/columbus/...);
Debian 13's moves them to /usr/share/doc/python3-libpysal/examples/. A separate module from
testlib.py so that tests/analysis can use it without importing QGIS.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path


def _candidates() -> list[Path]:
    found = []
    spec = importlib.util.find_spec("libpysal")  # located, not imported (libpysal is slow to import)
    if spec is not None and spec.origin:
        found.append(Path(spec.origin).parent / "examples")
    found += [Path("/usr/lib/python3/dist-packages/libpysal/examples"),  # Debian 12
              Path("/usr/share/doc/python3-libpysal/examples")]  # Debian 13
    return found


def _examples_folder() -> Path:
    for folder in _candidates():
        if (folder / "columbus" / "columbus.shp").is_file():
            return folder
    # Not found: the first candidate, so that a test fails naming a path rather than at collection.
    return _candidates()[0]


EXAMPLES = _examples_folder()
COLUMBUS = str(EXAMPLES / "columbus" / "columbus.shp")
