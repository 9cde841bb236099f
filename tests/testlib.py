"""Small helpers shared by the tests (importable because tests/conftest.py puts this folder on sys.path)."""
from __future__ import annotations

import shutil
import subprocess
import warnings
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QTranslator

from besecure.compat import make_field

CRS = "EPSG:28992"


def _geometry(wkt: str) -> QgsGeometry:
    """QgsGeometry.fromWkt, refusing WKT written from numpy reprs: numpy 2 writes np.float64(10.0), which QGIS
    reads as no geometry at all (coordinates go in by value: float(x), or format)."""
    assert "np." not in (wkt or ""), f"WKT holds a numpy repr: {wkt[:120]}"
    return QgsGeometry.fromWkt(wkt)


def memory_layer(kind: str, fields: list[str], rows, crs: str = CRS) -> QgsVectorLayer:
    """A memory layer: ``fields`` like 'h:double'; rows are (wkt, [values])."""
    spec = "&".join([f"crs={crs}", *(f"field={f}" for f in fields)])
    layer = QgsVectorLayer(f"{kind}?{spec}", "test", "memory")
    feats = []
    for wkt, values in rows:
        feat = QgsFeature(layer.fields())
        feat.setAttributes(list(values))
        feat.setGeometry(_geometry(wkt))
        feats.append(feat)
    assert layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


def wkt_layer(kind: str, wkts: list[str], fields: dict | None = None, rows=None, crs: str = CRS) -> QgsVectorLayer:
    """A memory layer of WKT geometries; ``fields`` maps names to ``FIELD_TYPE_*``, ``rows`` holds their values."""
    lyr = QgsVectorLayer(f"{kind}?crs={crs}", kind, "memory")
    lyr.dataProvider().addAttributes([make_field(n, t) for n, t in (fields or {}).items()])
    lyr.updateFields()
    feats = []
    for i, wkt in enumerate(wkts):
        f = QgsFeature(lyr.fields())
        f.setGeometry(_geometry(wkt))
        if rows is not None:
            f.setAttributes(list(rows[i]))
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def as_layer(value) -> QgsVectorLayer:
    """An output: the layer itself (memory outputs) or the file opened with OGR."""
    return value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(value, "out", "ogr")


def output_rows(path) -> list[dict]:
    """Attribute dicts of every feature of an output file."""
    lyr = QgsVectorLayer(str(path), "out", "ogr")
    assert lyr.isValid(), path
    names = lyr.fields().names()
    return [dict(zip(names, f.attributes())) for f in lyr.getFeatures()]


def vector(uri, name: str = "l") -> QgsVectorLayer:
    """An OGR layer that must open."""
    lyr = QgsVectorLayer(str(uri), name, "ogr")
    assert lyr.isValid(), uri
    return lyr


def frame(lyr):
    """A layer's attribute table as a pandas frame."""
    import pandas as pd

    names = lyr.fields().names()
    return pd.DataFrame([dict(zip(names, f.attributes())) for f in lyr.getFeatures()])


def columns(path, *names):
    """Columns of an output layer as float arrays (NULL -> NaN) or lists, in feature order."""
    import numpy as np
    from qgis.core import NULL

    feats = list(vector(path, "out").getFeatures())
    out = []
    for name in names:
        values = [None if f[name] == NULL else f[name] for f in feats]
        if all(v is None or isinstance(v, (int, float)) for v in values):
            out.append(np.array([np.nan if v is None else float(v) for v in values]))
        else:
            out.append(values)
    return out if len(out) > 1 else out[0]


def hand_bh(p):
    """Benjamini-Hochberg by its definition: q_i = min over p_j >= p_i of min(1, m p_j / rank_j)."""
    import numpy as np

    m = len(p)
    ranks = np.argsort(np.argsort(p, kind="stable"), kind="stable") + 1
    return np.array([min(min(1.0, m * p[j] / ranks[j]) for j in range(m) if p[j] >= p[i]) for i in range(m)])


def rtree_rows_and_ogr_rebuild(path, layer_name: str, tmp_path):
    """R-tree rows of a GeoPackage layer, and those of the index OGR builds itself on a copy of the table.

    Also checks both trees with SQLite's rtreecheck and that OGR really rebuilt (other node blobs).
    """
    import shutil
    import sqlite3

    from osgeo import ogr

    rebuilt = tmp_path / f"rebuilt_{layer_name}.gpkg"
    shutil.copy(path, rebuilt)
    ds = ogr.Open(str(rebuilt), 1)
    ds.ExecuteSQL(f"SELECT DisableSpatialIndex('{layer_name}', 'geom')")
    ds.ExecuteSQL(f"SELECT CreateSpatialIndex('{layer_name}', 'geom')")
    ds = None
    rows, nodes = [], []
    for p in (path, rebuilt):
        con = sqlite3.connect(str(p))
        assert con.execute(f"SELECT rtreecheck('rtree_{layer_name}_geom')").fetchone()[0] == "ok"
        rows.append(con.execute(f"SELECT * FROM rtree_{layer_name}_geom ORDER BY id").fetchall())
        nodes.append(con.execute(f"SELECT data FROM rtree_{layer_name}_geom_node ORDER BY nodeno").fetchall())
        con.close()
    return rows[0], rows[1], nodes[0] != nodes[1]


def ogr_gpkg(path, name: str, geometry_type: int, fields: dict, rows, epsg: int = 28992):
    """A GeoPackage layer written with OGR (not the plugin): ``fields`` name -> OGR type, ``rows`` tuples of
    the field values (None = NULL) followed by the WKT (None = no geometry)."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer(name, srs, geometry_type)
    for field, kind in fields.items():
        lyr.CreateField(ogr.FieldDefn(field, kind))
    for *values, wkt in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        for field, value in zip(fields, values):
            if value is not None:
                f.SetField(field, value)
        if wkt:
            f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(f)
    ds = None
    return QgsVectorLayer(str(path), name, "ogr")


PLUGIN_ROOT = Path(__file__).resolve().parents[1]


def in_plugin(filename: str) -> bool:
    """True for a file of the plugin (tests included), not of its venv or build folder."""
    path = Path(filename).resolve()
    return path.is_relative_to(PLUGIN_ROOT) and not {".venv", ".build"} & set(path.relative_to(PLUGIN_ROOT).parts)


@contextmanager
def deprecations_from_plugin():
    """Yield a list that ends up holding 'file:line: message' of each DeprecationWarning raised by plugin code.

    Records every warning itself, so pyproject's ignore::DeprecationWarning does not hide them here.
    """
    found: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield found
    found.extend(f"{w.filename}:{w.lineno}: {w.message}" for w in caught
                 if issubclass(w.category, DeprecationWarning) and in_plugin(w.filename))


def compiled_translator(catalogue: dict[str, str], folder: Path) -> QTranslator:
    """``catalogue`` ({English source: translation}) compiled with lrelease into a loaded QTranslator
    (skips the test where lrelease from qttools5-dev-tools is missing)."""
    lrelease = shutil.which("lrelease")
    if lrelease is None:
        pytest.skip("lrelease (qttools5-dev-tools) is needed to compile the translation")
    ts = ET.Element("TS", version="2.1", language="nl")
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = "besecure"
    for source, translation in catalogue.items():
        msg = ET.SubElement(context, "message")
        ET.SubElement(msg, "source").text = source
        ET.SubElement(msg, "translation").text = translation
    ET.ElementTree(ts).write(folder / "nl.ts", encoding="utf-8", xml_declaration=True)
    subprocess.run([lrelease, "-silent", str(folder / "nl.ts"), "-qm", str(folder / "nl.qm")], check=True)
    translator = QTranslator()
    assert translator.load(str(folder / "nl.qm"))
    return translator
