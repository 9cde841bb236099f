"""Pure computation for BESECURE: numpy / scipy / pandas only, never qgis or Qt.

Every function takes and returns arrays, pandas frames or small frozen dataclasses, and names
its method and reference in its docstring.
"""
