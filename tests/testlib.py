"""Small helpers shared by the tests (importable because tests/conftest.py puts this folder on sys.path)."""
from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer

CRS = "EPSG:28992"


def memory_layer(kind: str, fields: list[str], rows, crs: str = CRS) -> QgsVectorLayer:
    """A memory layer: ``fields`` like 'h:double'; rows are (wkt, [values])."""
    spec = "&".join([f"crs={crs}", *(f"field={f}" for f in fields)])
    layer = QgsVectorLayer(f"{kind}?{spec}", "test", "memory")
    feats = []
    for wkt, values in rows:
        feat = QgsFeature(layer.fields())
        feat.setAttributes(list(values))
        feat.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(feat)
    assert layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


def wkt_layer(kind: str, wkts: list[str], fields: dict | None = None, rows=None, crs: str = CRS) -> QgsVectorLayer:
    """A memory layer of WKT geometries; ``fields`` maps names to QVariant types, ``rows`` holds their values."""
    lyr = QgsVectorLayer(f"{kind}?crs={crs}", kind, "memory")
    lyr.dataProvider().addAttributes([QgsField(n, t) for n, t in (fields or {}).items()])
    lyr.updateFields()
    feats = []
    for i, wkt in enumerate(wkts):
        f = QgsFeature(lyr.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
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
