"""Generated data: the demo town (streets, buildings, lamps and incidents with planted patterns) used by
the demo algorithm, the tests and the benchmarks.
"""
