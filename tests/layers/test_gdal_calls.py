"""GDAL/OGR/OSR calls behave alike with the bindings' exceptions off (QGIS 3.22) and on (QGIS 3.40 and 3.44
turn them on process-wide when Processing starts): ``gdal_exceptions`` runs each test in both modes."""
import os
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException, QgsRasterLayer, QgsVectorLayer

from besecure.layers import gdal_calls
from besecure.layers.write import write_geopackage_layers, write_geotiff

RD_NEW = QgsCoordinateReferenceSystem("EPSG:28992")


def _set_immutable(folder: Path, on: bool) -> bool:
    """Set or clear the folder's immutable flag (what ``chattr +i`` does, through the same ioctl); False when
    the file system or the user's rights do not allow it."""
    import array
    import fcntl

    get_flags, set_flags, immutable = 0x80086601, 0x40086602, 0x10  # FS_IOC_GETFLAGS/SETFLAGS, FS_IMMUTABLE_FL
    fd = os.open(folder, os.O_RDONLY)
    try:
        flags = array.array("i", [0])
        fcntl.ioctl(fd, get_flags, flags, True)
        flags[0] = flags[0] | immutable if on else flags[0] & ~immutable
        fcntl.ioctl(fd, set_flags, flags)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


@pytest.fixture()
def read_only_folder(tmp_path):
    """A folder nobody can write into, root included (chmod alone does not stop root: then the immutable flag)."""
    folder = tmp_path / "read only"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = os.access(folder, os.W_OK) and _set_immutable(folder, True)
    if os.access(folder, os.W_OK) and not immutable:
        folder.chmod(0o755)
        pytest.skip("cannot make a folder read-only for this user on this file system")
    yield folder
    if immutable:
        _set_immutable(folder, False)
    folder.chmod(0o755)


def test_spatial_references(gdal_exceptions):
    assert gdal_calls.srs_from_wkt("") is None  # a layer without CRS: QGIS gives an empty WKT
    assert gdal_calls.srs_from_wkt("not WKT at all") is None
    assert gdal_calls.srs_from_user_input("EPSG:not a code") is None
    srs = gdal_calls.srs_from_wkt(RD_NEW.toWkt())
    assert srs.GetAuthorityCode(None) == "28992"
    # GIS order: the easting first, whatever the CRS's axis order (EPSG:4326 declares latitude first).
    wgs84 = gdal_calls.srs_from_user_input("EPSG:4326")
    from osgeo import osr

    to_wgs84 = osr.CoordinateTransformation(srs, wgs84)
    lon, lat, _ = to_wgs84.TransformPoint(155000.0, 463000.0)  # Amersfoort, the origin of RD New
    # 52 deg 09' 22.178" N, 5 deg 23' 15.500" E; within 100 m: PROJ without its grids shifts the datum roughly.
    assert lon == pytest.approx(5.387639, abs=1e-3) and lat == pytest.approx(52.156161, abs=1e-3)


def test_opening_what_is_not_there_or_not_gdal_gives_none(tmp_path, gdal_exceptions):
    text = tmp_path / "not a geopackage.gpkg"
    text.write_text("just text")
    for path in (text, tmp_path / "missing.gpkg", tmp_path / "missing.tif"):
        assert gdal_calls.open_vector(str(path)) is None
        assert gdal_calls.open_vector(str(path), update=True) is None
        assert gdal_calls.open_raster(str(path)) is None


def test_failure_in_either_mode_is_the_callers_message(tmp_path, gdal_exceptions):
    from osgeo import ogr

    message = "Cannot create it; check the folder."
    with pytest.raises(gdal_calls.GdalWriteError, match="check the folder") as caught, gdal_calls.errors_as(message):
        gdal_calls.require(ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "no" / "x.gpkg")), message)
    assert str(caught.value) == message and isinstance(caught.value, ValueError)
    assert gdal_calls.require(0, message) == 0  # OGRERR_NONE / CE_None pass
    with pytest.raises(ValueError):
        gdal_calls.require(6, message)  # OGRERR_FAILURE


def test_arrow_stream_failure_in_either_mode_gives_none():
    class Layer:
        def __init__(self, error):
            self.error = error

        def GetArrowStreamAsNumPy(self, options):  # noqa: N802 (GDAL API)
            raise self.error

    # With exceptions off GDAL's Python code raises a bare Exception, with them on a RuntimeError.
    assert gdal_calls.arrow_batches(Layer(Exception("GetArrowStream() failed")), []) is None
    assert gdal_calls.arrow_batches(Layer(RuntimeError("OGR Error")), []) is None
    assert gdal_calls.arrow_batches(object(), []) is None  # GDAL < 3.6: no Arrow stream at all


def test_geotiff_without_crs_and_with(tmp_path, gdal_exceptions):
    from osgeo import gdal

    values = np.array([[1.0, np.nan, 3.0], [4.0, 5.0, 6.0]])
    for name, wkt in (("none.tif", ""), ("rd.tif", RD_NEW.toWkt())):
        path = write_geotiff(str(tmp_path / name), values, 1000.0, 2000.0, 25.0, wkt)
        ds = gdal.Open(path)
        band = ds.GetRasterBand(1)
        read = band.ReadAsArray().astype(float)
        read[read == band.GetNoDataValue()] = np.nan
        np.testing.assert_array_equal(read, values)
        assert ds.GetGeoTransform() == (1000.0, 25.0, 0.0, 2000.0, 0.0, -25.0)
        assert QgsRasterLayer(path, "r", "gdal").crs().authid() == ("EPSG:28992" if wkt else "")
        ds = None
    assert not [name for name in os.listdir(tmp_path) if "partial" in name]


def test_writers_into_a_read_only_folder_leave_nothing(read_only_folder, gdal_exceptions):
    with pytest.raises(ValueError, match="check that the folder exists and is writable"):
        write_geotiff(str(read_only_folder / "r.tif"), np.ones((2, 2)), 0.0, 2.0, 1.0, RD_NEW.toWkt())
    import pandas as pd

    layer = {"name": "t", "geometry": None, "wkb": [], "frame": pd.DataFrame({"a": [1, 2]})}
    with pytest.raises(ValueError, match="check that the folder exists and is writable"):
        write_geopackage_layers(str(read_only_folder / "t.gpkg"), [layer], "EPSG:28992")
    assert os.listdir(read_only_folder) == []


@pytest.mark.parametrize("alg,output,extra", [
    ("aggregateincidents", "o.gpkg", {}),                 # bulk GeoPackage writer
    ("kerneldensity", "k.tif", {}),                        # GeoTIFF writer
    ("createdemodata", "d.gpkg", {"SEED": 1}),             # several layers in one GeoPackage
])
def test_algorithm_output_in_a_read_only_folder(run_alg, demo_gpkg, read_only_folder, gdal_exceptions, alg, output,
                                                extra):
    params = {"OUTPUT": str(read_only_folder / output), **extra}
    if alg != "createdemodata":
        params["INPUT"] = f"{demo_gpkg}|layername=incidents"
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(alg, params)
    # A message naming the folder (whichever step refuses it), never GDAL's raw error.
    message = str(caught.value)
    assert str(read_only_folder) in message and "writ" in message, message
    assert "RuntimeError" not in message and "sqlite3_open" not in message and "ERROR" not in message, message
    assert os.listdir(read_only_folder) == []


def test_output_over_a_file_that_is_not_a_geopackage(run_alg, tmp_path, demo_gpkg, gdal_exceptions):
    out = tmp_path / "o.gpkg"
    out.write_text("not a GeoPackage: replaced by the output")
    run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "CELL_SIZE": 500, "OUTPUT": str(out)})
    grid = QgsVectorLayer(str(out), "o", "ogr")
    assert grid.isValid() and grid.crs().authid() == "EPSG:28992"
    incidents = QgsVectorLayer(f"{demo_gpkg}|layername=incidents", "i", "ogr").featureCount()
    assert sum(f["count"] for f in grid.getFeatures()) == incidents
    assert sorted(os.listdir(tmp_path)) == ["o.gpkg"]


def test_sqlite_failure_while_filling_the_geopackage_is_a_message(run_alg, tmp_path, demo_gpkg, monkeypatch):
    import sqlite3

    from besecure.layers import rtree

    def disk_full(*args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(rtree, "bulk_load", disk_full)
    with pytest.raises(QgsProcessingException, match=r"\(database or disk is full\); check the free space"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "OUTPUT": str(tmp_path / "o.gpkg")})
    assert os.listdir(tmp_path) == []
