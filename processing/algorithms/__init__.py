"""The algorithm classes the provider registers, in toolbox order."""
from __future__ import annotations


def algorithm_classes() -> list[type]:
    from .aggregate_incidents import AggregateIncidents

    return [AggregateIncidents]
