"""Security by design: the plan checks (lighting, natural surveillance, CCTV coverage, vehicle access,
stand-off, concealment) and the rule logic they share (``rules``: checking a loaded rule set and the
verdicts it gives).
"""
