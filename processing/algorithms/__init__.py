"""The algorithm classes the provider registers, in toolbox order."""
from __future__ import annotations


def algorithm_classes() -> list[type]:
    from .aggregate_incidents import AggregateIncidents
    from .create_demo_data import CreateDemoData
    from .hot_times import HotTimes
    from .period_change import PeriodChange

    return [CreateDemoData, AggregateIncidents, HotTimes, PeriodChange]
