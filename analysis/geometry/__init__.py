"""Computational geometry over arrays: polygons (point in polygon, areas), grids, street networks,
proximity and visibility (isovists, occlusion).
"""
