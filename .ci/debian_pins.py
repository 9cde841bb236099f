"""Print pip constraints (``name==version``) for the named distributions as Debian installed them.

The test venv sees Debian's packages (``--system-site-packages``); pinning pip to the versions in
/usr/lib/python3/dist-packages keeps it from replacing Debian's compiled numpy, scipy, pandas,
shapely, pyproj... (QGIS, GDAL and each other are built against them) on any Debian release. Only
that folder counts: something pip-installed under /usr/local is not Debian's. A name Debian does not
provide is left unpinned.

    python3 .ci/debian_pins.py numpy scipy ... > constraints.txt
"""
from __future__ import annotations

import sys
from importlib import metadata

DEBIAN_SITE = "/usr/lib/python3/dist-packages"


def _key(name: str) -> str:
    return name.lower().replace("_", "-")


def main(names: list[str]) -> None:
    installed = {_key(d.metadata["Name"]): d.version for d in metadata.distributions(path=[DEBIAN_SITE])}
    for name in names:
        if _key(name) in installed:
            print(f"{name}=={installed[_key(name)]}")


if __name__ == "__main__":
    main(sys.argv[1:])
