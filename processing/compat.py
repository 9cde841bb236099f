"""The one place where QGIS API differences between 3.22 LTR and newer 3.x are bridged.

QGIS 3.36 moved the Processing enums to scoped ``Qgis.Processing*`` enums; the old names are
deprecated there and gone in Qt6 builds. Everything else imports the names from here.
"""
from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

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
