"""The Policy Navigator: a step-by-step dossier for one area and problem, with the Guide.

Five steps (``knowledge/guide.json``), each page opening with the Guide's few sentences on what to
do and why: (1) scope, (2) analyse - one click runs ``besecure:aggregateincidents`` and
``besecure:hottimes`` for the dossier's area and incidents and, when installed, ``besecure:hotspots``
(Gi*) on the counts per cell, adds the results to the project and links them in the dossier,
(3) options - practices from the Library that match the problem
(:func:`besecure.knowledge.dossier.matching_practices`, which is the Library's search), each chosen
with a rationale, (4) plan - the implementation checklist with status, owner and date,
(5) monitor - indicators, periods and the effect through ``besecure:interventioneffect``.

The package, as QuickOSM's panels and QGIS's ``processing/gui`` are laid out:

- ``dock.py``: :class:`NavigatorDock`, the shell (step buttons, pages, status, report menu) that
  holds the dossier and stores it in the project;
- ``base_panel.py`` and one ``*_panel.py`` per step, each with ``populate(dossier)`` and
  ``collect(dossier)``;
- ``runner.py``: runs the algorithms and links their results in the dossier (no widgets);
- ``report.py``: the dossier report (HTML, PDF), the package's only use of the report engine ``layers/reports/``;
- ``inputs.py`` (the area, the incidents filtered by category and period), ``storage.py`` (the
  dossier in the project) and ``catalog.py`` (the knowledge base's texts): no widgets.

The model is :class:`besecure.knowledge.dossier.Dossier`. Importing this package does not import
the widgets; :class:`NavigatorDock` is loaded when first asked for.
"""
from __future__ import annotations

from typing import Any

__all__ = ["NavigatorDock"]


def __getattr__(name: str) -> Any:
    if name == "NavigatorDock":
        from .dock import NavigatorDock

        return NavigatorDock
    raise AttributeError(name)
