"""The one place where Qt and QGIS API differences are bridged: QGIS 3.22 LTR to 3.44 LTR and QGIS 4 (Qt6).

- QGIS 3.36 moved the Processing enums to scoped ``Qgis.Processing*`` enums; the old names are
  deprecated there and gone in Qt6 builds.
- QGIS 3.30 moved the geometry enums to ``Qgis.WkbType`` / ``Qgis.GeometryType``; ``QgsWkbTypes.*``
  names are deprecated there.
- QGIS 3.38 types fields by ``QMetaType.Type``; ``QgsField(name, QVariant.Type)`` is deprecated there
  and ``QVariant.Type`` is gone in Qt6.
- Qt6 moved ``QAction`` to QtGui and dropped ``exec_()``.

Everything else imports these names from here (``tests/project/test_qt6_ready.py`` checks it), so a
QGIS release that moves one again changes this file only.
"""
from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsMapLayerProxyModel,
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt

try:  # Qt6, and the Qt5 builds of QGIS whose qgis.PyQt already re-exports it there
    from qgis.PyQt.QtGui import QAction as QAction
except ImportError:  # Qt5
    from qgis.PyQt.QtWidgets import QAction as QAction

# --- Processing ---------------------------------------------------------------------------------

if hasattr(Qgis, "ProcessingSourceType"):  # QGIS >= 3.36
    VECTOR_POINT = Qgis.ProcessingSourceType.VectorPoint
    VECTOR_LINE = Qgis.ProcessingSourceType.VectorLine
    VECTOR_POLYGON = Qgis.ProcessingSourceType.VectorPolygon
    VECTOR_ANY = Qgis.ProcessingSourceType.VectorAnyGeometry
    VECTOR_TABLE = Qgis.ProcessingSourceType.Vector
    NUMBER_DOUBLE = Qgis.ProcessingNumberParameterType.Double
    NUMBER_INTEGER = Qgis.ProcessingNumberParameterType.Integer
    FLAG_ADVANCED = Qgis.ProcessingParameterFlag.Advanced
    FLAG_OPTIONAL = Qgis.ProcessingParameterFlag.Optional
    FIELD_ANY = Qgis.ProcessingFieldParameterDataType.Any
    FIELD_NUMERIC = Qgis.ProcessingFieldParameterDataType.Numeric
    FIELD_STRING = Qgis.ProcessingFieldParameterDataType.String
    FIELD_DATETIME = Qgis.ProcessingFieldParameterDataType.DateTime
else:  # QGIS 3.22 - 3.34
    VECTOR_POINT = QgsProcessing.TypeVectorPoint
    VECTOR_LINE = QgsProcessing.TypeVectorLine
    VECTOR_POLYGON = QgsProcessing.TypeVectorPolygon
    VECTOR_ANY = QgsProcessing.TypeVectorAnyGeometry
    VECTOR_TABLE = QgsProcessing.TypeVector
    NUMBER_DOUBLE = QgsProcessingParameterNumber.Double
    NUMBER_INTEGER = QgsProcessingParameterNumber.Integer
    FLAG_ADVANCED = QgsProcessingParameterDefinition.FlagAdvanced
    FLAG_OPTIONAL = QgsProcessingParameterDefinition.FlagOptional
    FIELD_ANY = QgsProcessingParameterField.Any
    FIELD_NUMERIC = QgsProcessingParameterField.Numeric
    FIELD_STRING = QgsProcessingParameterField.String
    FIELD_DATETIME = QgsProcessingParameterField.DateTime

SINK_FAST_INSERT = (
    QgsFeatureSink.FastInsert if hasattr(QgsFeatureSink, "FastInsert") else QgsFeatureSink.Flag.FastInsert
)


def set_advanced(param: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """Mark a parameter as advanced (hidden under 'Advanced parameters' in the dialog)."""
    param.setFlags(param.flags() | FLAG_ADVANCED)
    return param


# --- Field types (QgsField) ---------------------------------------------------------------------

if Qgis.QGIS_VERSION_INT >= 33800:  # QgsField takes and returns QMetaType.Type
    from qgis.PyQt.QtCore import QMetaType

    FIELD_TYPE_BOOL = QMetaType.Type.Bool
    FIELD_TYPE_INT = QMetaType.Type.Int
    FIELD_TYPE_UINT = QMetaType.Type.UInt
    FIELD_TYPE_INT64 = QMetaType.Type.LongLong
    FIELD_TYPE_UINT64 = QMetaType.Type.ULongLong
    FIELD_TYPE_DOUBLE = QMetaType.Type.Double
    FIELD_TYPE_STRING = QMetaType.Type.QString
    FIELD_TYPE_DATE = QMetaType.Type.QDate
    FIELD_TYPE_DATETIME = QMetaType.Type.QDateTime
else:  # QVariant.Type, which Qt6 no longer has
    from qgis.PyQt.QtCore import QVariant

    FIELD_TYPE_BOOL = QVariant.Bool
    FIELD_TYPE_INT = QVariant.Int
    FIELD_TYPE_UINT = QVariant.UInt
    FIELD_TYPE_INT64 = QVariant.LongLong
    FIELD_TYPE_UINT64 = QVariant.ULongLong
    FIELD_TYPE_DOUBLE = QVariant.Double
    FIELD_TYPE_STRING = QVariant.String
    FIELD_TYPE_DATE = QVariant.Date
    FIELD_TYPE_DATETIME = QVariant.DateTime

#: ``QgsField.type()`` of whole-number fields and of date/date-time fields.
INTEGER_FIELD_TYPES = (FIELD_TYPE_INT, FIELD_TYPE_UINT, FIELD_TYPE_INT64, FIELD_TYPE_UINT64)
DATE_FIELD_TYPES = (FIELD_TYPE_DATE, FIELD_TYPE_DATETIME)


def make_field(name: str, field_type, type_name: str = "", length: int = 0, precision: int = 0) -> QgsField:
    """A ``QgsField`` of one of the ``FIELD_TYPE_*`` types, built without a deprecated constructor."""
    return QgsField(name, field_type, type_name, length, precision)


# --- Geometry types -----------------------------------------------------------------------------

if hasattr(Qgis, "WkbType"):  # QGIS >= 3.30
    WKB_POINT = Qgis.WkbType.Point
    WKB_LINESTRING = Qgis.WkbType.LineString
    WKB_POLYGON = Qgis.WkbType.Polygon
    WKB_MULTILINESTRING = Qgis.WkbType.MultiLineString
    WKB_MULTIPOLYGON = Qgis.WkbType.MultiPolygon
    WKB_NO_GEOMETRY = Qgis.WkbType.NoGeometry
    GEOMETRY_POINT = Qgis.GeometryType.Point
    GEOMETRY_LINE = Qgis.GeometryType.Line
    GEOMETRY_POLYGON = Qgis.GeometryType.Polygon
    GEOMETRY_UNKNOWN = Qgis.GeometryType.Unknown
    GEOMETRY_NULL = Qgis.GeometryType.Null
else:  # QGIS 3.22 - 3.28
    WKB_POINT = QgsWkbTypes.Point
    WKB_LINESTRING = QgsWkbTypes.LineString
    WKB_POLYGON = QgsWkbTypes.Polygon
    WKB_MULTILINESTRING = QgsWkbTypes.MultiLineString
    WKB_MULTIPOLYGON = QgsWkbTypes.MultiPolygon
    WKB_NO_GEOMETRY = QgsWkbTypes.NoGeometry
    GEOMETRY_POINT = QgsWkbTypes.PointGeometry
    GEOMETRY_LINE = QgsWkbTypes.LineGeometry
    GEOMETRY_POLYGON = QgsWkbTypes.PolygonGeometry
    GEOMETRY_UNKNOWN = QgsWkbTypes.UnknownGeometry
    GEOMETRY_NULL = QgsWkbTypes.NullGeometry


def enum_int(member) -> int:
    """The integer of a Qt or QGIS enum member (PyQt6 enums are no ints; PyQt5's are)."""
    return int(getattr(member, "value", member))


def geometry_type(wkb_type):
    """The ``GEOMETRY_*`` kind (point, line, polygon, null, unknown) of a WKB type."""
    return QgsWkbTypes.geometryType(wkb_type)


def geometry_display_string(kind) -> str:
    """The translated name of a ``GEOMETRY_*`` kind ("Polygon", "Line" ...)."""
    return QgsWkbTypes.geometryDisplayString(kind)


def is_multi_type(wkb_type) -> bool:
    """True for the multi-part WKB types."""
    return QgsWkbTypes.isMultiType(wkb_type)


def is_curved_type(wkb_type) -> bool:
    """True for WKB types with arcs (circular strings, compound curves, curve polygons)."""
    return QgsWkbTypes.isCurvedType(wkb_type)


# --- Other QGIS enums that moved to Qgis -------------------------------------------------------

if hasattr(Qgis, "FeatureRequestFlag"):  # QGIS >= 3.36
    REQUEST_NO_GEOMETRY = Qgis.FeatureRequestFlag.NoGeometry
    REQUEST_NO_GEOMETRY_CHECK = Qgis.InvalidGeometryCheck.NoCheck
    CRS_WKT_PREFERRED = Qgis.CrsWktVariant.Preferred
else:
    REQUEST_NO_GEOMETRY = QgsFeatureRequest.Flag.NoGeometry
    REQUEST_NO_GEOMETRY_CHECK = QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck
    CRS_WKT_PREFERRED = QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED

if hasattr(Qgis, "DistanceUnit"):  # QGIS >= 3.30
    DISTANCE_METERS = Qgis.DistanceUnit.Meters
else:
    DISTANCE_METERS = QgsUnitTypes.DistanceUnit.DistanceMeters

if hasattr(Qgis, "LayerFilter"):  # QGIS >= 3.34: the filters of QgsMapLayerComboBox
    LAYER_FILTER_POINT = Qgis.LayerFilter.PointLayer
    LAYER_FILTER_POLYGON = Qgis.LayerFilter.PolygonLayer
else:
    LAYER_FILTER_POINT = QgsMapLayerProxyModel.Filter.PointLayer
    LAYER_FILTER_POLYGON = QgsMapLayerProxyModel.Filter.PolygonLayer

if hasattr(Qgis, "ProcessingMode"):  # QGIS >= 3.36: the kind of dialog a parameter widget is made for
    PROCESSING_MODE_STANDARD = Qgis.ProcessingMode.Standard
else:
    PROCESSING_MODE_STANDARD = 0  # QgsProcessingGui.Standard (qgis.gui, which qgis_process need not load)

if hasattr(Qgis, "ShaderInterpolationMethod"):
    SHADER_INTERPOLATED = Qgis.ShaderInterpolationMethod.Linear
    SHADER_DISCRETE = Qgis.ShaderInterpolationMethod.Discrete
else:
    SHADER_INTERPOLATED = QgsColorRampShader.Type.Interpolated
    SHADER_DISCRETE = QgsColorRampShader.Type.Discrete


def null_rectangle() -> QgsRectangle:
    """An empty rectangle that any ``combineExtentWith`` replaces (``setMinimal`` is deprecated since 3.34)."""
    rect = QgsRectangle()
    if hasattr(rect, "setNull"):
        rect.setNull()
    else:
        rect.setMinimal()
    return rect


def save_style_to_database(layer, name: str, description: str, use_as_default: bool) -> str:
    """Save the layer's style in its data source (GeoPackage ``layer_styles``); the error message, empty on success.

    ``saveStyleToDatabase`` is deprecated in QGIS 3.44 for ``saveStyleToDatabaseV2``, which also
    returns flags.
    """
    if hasattr(layer, "saveStyleToDatabaseV2"):
        return layer.saveStyleToDatabaseV2(name, description, use_as_default, "")[1]
    return layer.saveStyleToDatabase(name, description, use_as_default, "")


# --- Qt -----------------------------------------------------------------------------------------

TIME_SPEC_UTC = Qt.TimeSpec.UTC
TIME_SPEC_OFFSET = Qt.TimeSpec.OffsetFromUTC


def exec_dialog(dialog) -> int:
    """Run a modal dialog: ``exec()`` (Qt6 has no ``exec_()``; PyQt5 has both)."""
    return dialog.exec()
