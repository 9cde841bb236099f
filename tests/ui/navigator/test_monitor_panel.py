"""Step 5, monitor: the intervention effect measured from the dock against hand-counted incidents
and the WDQ / WDD formulas."""
from __future__ import annotations

import pytest
from navigator_testlib import area_dossier, feature_by_name, selected_incidents, wait_for
from qgis.core import QgsFeatureRequest

from besecure.knowledge import dossier as ds


def test_monitor_step_counts_and_effect_match_hand_computation(dock, town, project):
    incidents, hoods = town

    def area_layer(name):
        fid = feature_by_name(hoods, name).id()
        layer = hoods.materialize(QgsFeatureRequest().setFilterFid(fid))
        layer.setName(name)
        project.addMapLayer(layer)
        return layer

    target, buffer, control = area_layer("Oosterwijk"), area_layer("Centrum"), area_layer("Westhaven")
    d = area_dossier(incidents, hoods)
    # equal periods (184 days each, no 29 February) so the WDD needs no length scaling
    d.monitor.baseline = ds.Period("2023-03-01", "2023-08-31")
    d.monitor.after = ds.Period("2024-03-01", "2024-08-31")
    d.monitor.target, d.monitor.buffer, d.monitor.control = (ds.LayerRef(x.id(), x.name())
                                                             for x in (target, buffer, control))
    dock.set_dossier(d)
    assert dock.monitor_panel.effect_button.isEnabled()
    assert wait_for(dock, dock.run_effect), dock.status.text()

    def count(layer, period):
        geometry = next(layer.getFeatures()).geometry()
        return len(selected_incidents(incidents, geometry, (period.start, period.end)))

    m = d.monitor
    t_b, t_a = count(target, m.baseline), count(target, m.after)
    d_b, d_a = count(buffer, m.baseline), count(buffer, m.after)
    c_b, c_a = count(control, m.baseline), count(control, m.after)
    effect = dock.dossier.monitor.effect
    assert effect.counts == {"T_b": t_b, "T_a": t_a, "D_b": d_b, "D_a": d_a, "Ct_b": c_b, "Ct_a": c_a,
                             "Cd_b": c_b, "Cd_a": c_a}
    # Wheeler & Ratcliffe (2018) with one control area; Bowers & Johnson (2003)
    wdd = (t_a - t_b) - (c_a - c_b) + (d_a - d_b) - (c_a - c_b)
    assert effect.wdd == pytest.approx(wdd)
    assert effect.wdd_se == pytest.approx((t_a + t_b + d_a + d_b + 4 * (c_a + c_b)) ** 0.5)
    assert effect.wdd_z == pytest.approx(wdd / effect.wdd_se)
    assert effect.wdq == pytest.approx((d_a / c_a - d_b / c_b) / (t_a / c_a - t_b / c_b))
    assert effect.interpretation and effect.parameters["TARGET"] == target.id()
    assert str(t_b) in dock.monitor_panel.effect_label.text()
    assert "effect" not in ds.completeness(dock.dossier)["monitor"]
