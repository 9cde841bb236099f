"""The dossier stored in the QGIS project (scope ``besecure``, key ``dossier``, as JSON), so it
survives save, close and reopen. No widgets: the dock calls these whenever the dossier changes."""
from __future__ import annotations

from qgis.core import QgsProject

from ...knowledge import dossier as ds

__all__ = ["PROJECT_KEY", "PROJECT_SCOPE", "read_dossier", "write_dossier"]

PROJECT_SCOPE = "besecure"
PROJECT_KEY = "dossier"


def write_dossier(project: QgsProject, dossier: ds.Dossier) -> None:
    """Store ``dossier`` in ``project`` (scope ``besecure``, key ``dossier``, JSON)."""
    project.writeEntry(PROJECT_SCOPE, PROJECT_KEY, ds.to_json(dossier))


def read_dossier(project: QgsProject) -> ds.Dossier | None:
    """The dossier stored in ``project``, its plan completed with new checklist items; None when
    the project holds none. Raises ValueError when the stored dossier cannot be read."""
    text, found = project.readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
    if not found or not text.strip():
        return None
    dossier = ds.from_json(text)
    ds.sync_checklist(dossier.plan)
    return dossier
