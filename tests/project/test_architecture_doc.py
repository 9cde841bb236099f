"""docs/ARCHITECTURE.md stays true: its folder map names folders that exist, and every analysis/ subpackage."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "ARCHITECTURE.md"


def _mapped_folders() -> list[str]:
    section = DOC.read_text(encoding="utf-8").split("## Folder map", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([\w./]+/)` \|", section, flags=re.M)


def test_every_folder_in_the_map_exists():
    folders = _mapped_folders()
    assert len(folders) > 20
    missing = [f for f in folders if not (ROOT / f).is_dir()]
    assert missing == []


def test_every_analysis_subpackage_is_in_the_map():
    folders = set(_mapped_folders())
    packages = sorted(f"analysis/{p.parent.name}/" for p in (ROOT / "analysis").glob("*/__init__.py"))
    assert packages  # the grouping exists
    assert [p for p in packages if p not in folders] == []


def test_every_top_level_folder_is_in_the_map():
    # The project's folders are those git tracks files in: what a run leaves (demo_output/, dist/,
    # screenshots/) is ignored by git and not part of the house.
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    top = sorted({f"{line.split('/', 1)[0]}/" for line in tracked.splitlines()
                  if "/" in line and not line.startswith((".", "_"))})
    assert top  # git listed the checkout
    folders = set(_mapped_folders())
    assert [t for t in top if t not in folders] == []
