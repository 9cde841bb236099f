"""Step 3, options: the practices shown are the Library's search for the dossier's problem and
filters, and a chosen practice keeps its rationale."""
from __future__ import annotations

from navigator_testlib import area_dossier
from qgis.PyQt.QtCore import Qt

from besecure.knowledge import dossier as ds
from besecure.knowledge.library import search


def test_practices_shown_are_the_library_search(dock, town):
    from besecure.ui.user_practices import all_practices

    incidents, hoods = town
    practices = all_practices()  # what the Library dock shows: built-in and the user's own practices
    practices_by_id = {p["id"]: p for p in practices}
    panel = dock.options_panel
    dock.set_dossier(area_dossier(incidents, hoods))
    dock.show_step(2)

    def shown():
        return [panel.practice_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.practice_list.count())]

    assert shown() == [p["id"] for p in search(practices, "", {"problem": ["high_impact_crime"]})]
    panel.approach_combo.setCurrentIndex(panel.approach_combo.findData("area"))
    panel.evidence_combo.setCurrentIndex(panel.evidence_combo.findData("quasi_experimental"))
    filters = {"problem": ["high_impact_crime"], "approach": ["area"], "min_evidence": "quasi_experimental"}
    expected = [p["id"] for p in search(practices, "", filters)]
    assert expected and shown() == expected
    assert dock.dossier.options.filters == {"approach": ["area"], "min_evidence": "quasi_experimental"}
    panel.practice_search.setText("lighting")
    assert shown() == [p["id"] for p in search(practices, "lighting", filters)]

    # choosing a practice with a rationale: kept first in the list even when the filters change
    item = panel.practice_list.item(0)
    pid = item.data(Qt.ItemDataRole.UserRole)
    item.setCheckState(Qt.CheckState.Checked)
    panel.rationale_edit.setPlainText("Dark alleys behind the houses.")
    assert dock.dossier.options.chosen == [ds.ChosenPractice(pid, "Dark alleys behind the houses.")]
    panel.practice_search.setText("no practice is called like this")
    assert shown() == [pid]
    # the detail view shows the practice with its sources; the rationale comes back with it
    panel.practice_list.setCurrentRow(0)
    detail = panel.practice_detail.toPlainText()
    assert practices_by_id[pid]["title"]["en"] in detail
    assert all(source["title"] in detail for source in practices_by_id[pid]["sources"])
    assert panel.rationale_edit.toPlainText() == "Dark alleys behind the houses."
