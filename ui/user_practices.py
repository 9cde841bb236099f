"""The user's own practices: a JSON file in the QGIS profile folder, kept across plugin upgrades.

The file is ``<QGIS profile>/besecure/user_practices.json`` (``QgsApplication.qgisSettingsDirPath()``),
outside the plugin folder that an upgrade replaces. It has the format of
:func:`besecure.knowledge.library.export_json`, so it can also be shared and imported as is.
Reading, validating and writing go through :mod:`besecure.knowledge.library` (one implementation).

Other docks that need the whole library (built-in plus the user's practices) call
:func:`all_practices`.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from qgis.core import QgsApplication

from ..knowledge.library import export_json, import_json, load_practices, merge_user_practices

__all__ = ["UserPracticeStore", "all_practices", "user_practices_path"]

FILE_NAME = "user_practices.json"


def user_practices_path() -> Path:
    """``<QGIS profile>/besecure/user_practices.json``."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "besecure" / FILE_NAME


class UserPracticeStore:
    """Load and save the user's practices (all with ``origin: "user"`` and a ``user-`` id)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else user_practices_path()

    def load(self) -> list[dict[str, Any]]:
        """The stored practices; [] when there is no file yet.

        Raises ValueError (naming the problems) for a damaged file: call :meth:`set_aside`
        before saving, so nothing the user wrote is overwritten.
        """
        if not self.path.is_file():
            return []
        return merge_user_practices([], import_json(self.path))

    def save(self, practices: list[dict[str, Any]]) -> None:
        """Write the practices (validated; the file is replaced atomically)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        export_json(practices, self.path)

    def set_aside(self) -> Path:
        """Rename a damaged file to ``user_practices.damaged-<time>.json`` and return its new path."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}.json")
        self.path.replace(target)
        return target


def all_practices(store: UserPracticeStore | None = None) -> list[dict[str, Any]]:
    """Built-in practices followed by the user's (a damaged user file is left out)."""
    try:
        user = (store or UserPracticeStore()).load()
    except ValueError:
        user = []
    return merge_user_practices(load_practices(), user)
