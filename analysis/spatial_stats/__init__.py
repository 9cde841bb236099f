"""Spatial statistics: spatial weights (contiguity, distance band, k nearest, grid cells) and the local
and global autocorrelation statistics with their permutation inference.
"""
