"""Algorithms carry tags, so QGIS's toolbox search finds them by the words analysts use."""
import json
from pathlib import Path

import pytest
from qgis.core import QgsApplication
from qgis.gui import QgsProcessingToolboxProxyModel

ROOT = Path(__file__).resolve().parents[2]



def toolbox_search(text: str) -> set[str]:
    """The BESECURE algorithm ids QGIS's own toolbox filter keeps for ``text``."""
    proxy = QgsProcessingToolboxProxyModel(None, QgsApplication.processingRegistry())
    proxy.setFilterString(text)
    found = set()

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            alg = proxy.toolboxModel().algorithmForIndex(proxy.mapToSource(index))
            if alg is not None and alg.provider().id() == "besecure":
                found.add(alg.name())
            walk(index)

    walk(proxy.index(0, 0).parent())
    return found


def test_every_algorithm_has_tags(besecure_provider):
    algorithms = besecure_provider.algorithms()
    assert len(algorithms) >= 18
    few = {alg.name(): alg.tags() for alg in algorithms if len(alg.tags()) < 4}  # three words and the group
    assert not few
    for alg in algorithms:
        assert alg.group() in alg.tags()
        assert all(tag == tag.strip() and tag for tag in alg.tags()), alg.name()


@pytest.mark.parametrize(("words", "expected"), [
    ("heatmap", {"kerneldensity"}),
    ("KDE", {"kerneldensity"}),
    ("Getis", {"hotspots", "optimizedhotspots", "emerginghotspots", "globalautocorrelation"}),
    ("LISA", {"localmoran"}),
    ("hexagon", {"aggregateincidents", "optimizedhotspots"}),
    ("bollard", {"vehicleaccess"}),
    ("CCTV", {"cctvcoverage"}),
])
def test_toolbox_search_finds_algorithms_by_their_tags(besecure_provider, words, expected):
    assert toolbox_search(words) == expected


def test_toolbox_search_finds_nothing_for_an_unknown_word(besecure_provider):
    assert toolbox_search("xylophone") == set()


def test_tags_in_dutch_keep_the_english_ones(besecure_provider, monkeypatch):
    # The Dutch handed in for translation (i18n/pending/guards.json), through base.py's tr as the .qm would.
    from besecure.processing import base

    dutch = json.loads((ROOT / "i18n" / "pending" / "guards.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(base, "tr", lambda text: dutch.get(text, text))
    tags = besecure_provider.algorithm("kerneldensity").tags()
    assert {"hittekaart", "kerneldichtheid", "heatmap", "KDE", "kernel density"} <= set(tags)
    assert len(tags) == len(set(tags))  # "heatmap" in both languages once
