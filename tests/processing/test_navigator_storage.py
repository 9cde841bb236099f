"""The Policy Navigator's dossier stored in the project: a .qgz round trip, and a stored dossier
that cannot be read refused with the reason. No widget is made."""
from __future__ import annotations

import pytest
from qgis.core import QgsProject

from besecure.knowledge import dossier as ds
from besecure.ui.navigator.storage import read_dossier, write_dossier


def test_dossier_round_trips_through_a_saved_project(qgis_app, tmp_path):
    d = ds.new_dossier()
    d.scope.title = "Ondermijning — haven"
    d.scope.problem = ["undermining"]
    d.plan.items[3].status = "done"
    d.plan.items.append(ds.ChecklistItem("custom.item-1", text="Budget?"))
    d.monitor.effect = ds.EffectResult(counts={"T_b": 10, "T_a": 4}, wdq=float("nan"), wdd=-3.0)
    first = QgsProject()
    write_dossier(first, d)
    path = tmp_path / "dossier.qgz"
    assert first.write(str(path))
    second = QgsProject()
    assert second.read(str(path))
    back = read_dossier(second)
    d.monitor.effect.wdq = None  # an undefined WDQ is stored as null
    assert back == d
    assert read_dossier(QgsProject()) is None
    second.writeEntry("besecure", "dossier", '{"format": "besecure-dossier", "version": 1, "plan": 3}')
    with pytest.raises(ValueError, match="plan: expected an object"):
        read_dossier(second)
