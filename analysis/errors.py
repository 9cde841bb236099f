"""Exceptions shared by the analysis functions."""
from __future__ import annotations


class Cancelled(Exception):
    """Raised when the user cancels a long computation."""


def N_(text: str) -> str:  # noqa: N802 (the usual name of a translation marker)
    """Mark an InputError template that is chosen at run time for translation (the collector of
    scripts/update_translations.py finds ``N_("...")`` calls); returns the text unchanged."""
    return text


class InputError(ValueError):
    """Input the user can fix (a field, a parameter, a layer): shown as a message, never a traceback.

    ``template`` is the English message with ``{}`` placeholders, the source string for translation;
    ``values`` fill them after translating (``analysis/`` has no translator, so the processing layer
    translates: ``processing.base.input_message``). Any other ValueError is a defect and surfaces as one.
    """

    def __init__(self, template: str, *values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(template.format(*values) if values else template)
