"""Make the repository importable as the package ``besecure`` (the plugin's installed name).

The repository root is the plugin folder; ``.build/plugins/besecure`` is a symlink to it, which is
also what ``QGIS_PLUGINPATH`` points ``qgis_process`` at.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / ".build" / "plugins"
SHARED_DATA = ROOT.parent / "shared" / "data"


def _ensure_plugin_link() -> None:
    PLUGINS.mkdir(parents=True, exist_ok=True)
    link = PLUGINS / "besecure"
    if not link.exists():
        try:
            link.symlink_to(ROOT, target_is_directory=True)
        except FileExistsError:  # another worker made it
            pass
    if str(PLUGINS) not in sys.path:
        sys.path.insert(0, str(PLUGINS))


_ensure_plugin_link()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real data folder ``../shared/data``; fails (not skips) when CI is set and it is missing."""
    if not SHARED_DATA.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"real data folder {SHARED_DATA} is missing in CI")
        pytest.skip(f"real data folder {SHARED_DATA} not present")
    return SHARED_DATA
