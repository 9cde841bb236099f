"""Crime analysis: counting incidents per unit, hot times (aoristic), period change, the effect of an
intervention, kernel density and its grid, optimized and emerging hot spots, and the area profile.

One module per algorithm, named as the algorithm (``kernel_density``, ``hot_times``, ``period_change``,
``intervention_effect``, ``optimized_hot_spots``, ``emerging_hot_spots``); ``periods`` holds the
reporting-period logic they share.
"""
