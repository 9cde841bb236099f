"""Exceptions shared by the analysis functions."""


class Cancelled(Exception):
    """Raised when the user cancels a long computation."""
