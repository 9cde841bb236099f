"""Refresh i18n/besecure_nl.ts from the source strings and compile the .qm files.

Collects every string the plugin passes through ``tr()``: literal ``tr("...")``, ``N_("...")`` and ``InputError("...")``
arguments (the last translated by processing.base when shown), algorithm
``DISPLAY_NAME``s, the ``GROUPS`` names, the labels given to ``add_number``/``add_bool`` and the
help texts (``Help(...)`` and the module-level ``HELP`` dicts). Existing translations are kept;
new strings are added as unfinished (or translated from ``i18n/pending/*.json``, where engineers hand in
the Dutch for the strings they add); translations of strings no longer in the code are kept.
Run with ``make translations`` (needs ``lrelease`` from qttools5-dev-tools for the .qm).
"""
from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = "besecure"
SOURCES = ["plugin.py", "analysis", "processing", "layers", "ui", "i18n"]
LABEL_CALLS = {"add_number": 1, "add_bool": 1}


def _strings(node: ast.AST) -> list[str]:
    """String constants of a node and, for dicts, of their values."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return []
    if isinstance(node, ast.Dict):
        return [s for v in node.values if v is not None for s in _strings(v)]
    return []


def collect() -> list[str]:
    found: dict[str, None] = {}
    files = []
    for entry in SOURCES:
        path = ROOT / entry
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    for file in files:
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in ("tr", "N_", "InputError") and node.args:
                    found.update(dict.fromkeys(_strings(node.args[0])))
                elif name in LABEL_CALLS and len(node.args) > LABEL_CALLS[name]:
                    found.update(dict.fromkeys(_strings(node.args[LABEL_CALLS[name]])))
                elif name == "Help":
                    for arg in [*node.args, *(k.value for k in node.keywords)]:
                        found.update(dict.fromkeys(_strings(arg)))
            elif isinstance(node, ast.Assign):
                targets = [getattr(t, "id", None) for t in node.targets]
                if any(t in ("DISPLAY_NAME", "TAGS", "GROUPS", "HELP") for t in targets):
                    found.update(dict.fromkeys(_strings(node.value)))
    return [s for s in found if s.strip()]


def pending_translations(lang: str) -> dict[str, str]:
    """Translations handed in as ``i18n/pending/*.json`` ({source: translation}) for ``nl``."""
    merged: dict[str, str] = {}
    if lang != "nl":
        return merged
    for path in sorted((ROOT / "i18n" / "pending").glob("*.json")):
        merged.update({k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if v})
    return merged


def update(ts_path: Path, sources: list[str]) -> tuple[int, int]:
    existing: dict[str, tuple[str, bool]] = {}
    if ts_path.exists():
        for msg in ET.parse(ts_path).getroot().iter("message"):
            tr_el = msg.find("translation")
            text = tr_el.text or "" if tr_el is not None else ""
            done = tr_el is not None and tr_el.get("type") not in ("unfinished", "obsolete", "vanished")
            existing[msg.findtext("source")] = (text, done)
    for source, text in pending_translations(ts_path.stem.split("_")[-1]).items():
        if not existing.get(source, ("", False))[1]:
            existing[source] = (text, True)
    root = ET.Element("TS", version="2.1", language=ts_path.stem.split("_")[-1])
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    finished = 0
    # Translations of strings the code no longer has are kept (finished): another branch or an
    # older checkout may still use them, and an unused entry costs nothing.
    kept = [s for s, (text, done) in existing.items() if s not in sources and done and text]
    for source in sources + kept:
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = source
        text, done = existing.get(source, ("", False))
        tr_el = ET.SubElement(msg, "translation")
        tr_el.text = text
        if not done:
            tr_el.set("type", "unfinished")
        elif source in sources:
            finished += 1
    ET.indent(root)
    ts_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                       + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return finished, len(sources)


def main() -> int:
    sources = collect()
    for ts in sorted((ROOT / "i18n").glob("besecure_*.ts")):
        finished, total = update(ts, sources)
        print(f"{ts.name}: {finished}/{total} translated")
        lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
        if Path(lrelease).exists():
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
