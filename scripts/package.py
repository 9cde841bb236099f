"""Build the plugins.qgis.org package ``besecure-<version>.zip`` and scan it as the site does (``make package``).

What goes in: the files git tracks (``git ls-files``, so nothing untracked sneaks in) under the top-level
files and folders of ``RUNTIME`` (the plugin needs them at run time), minus ``EXCLUDED`` patterns (Qt
Linguist sources, pending translations, contributor notes, caches). Every other tracked file's top-level
entry must be named in ``DEVELOPMENT``, so a new one cannot slip in, or out, unnoticed. The zip holds one folder,
``besecure/``, as QGIS's plugin installer expects; its ``metadata.txt`` gets the changelog from
``CHANGELOG.md``. The package must stay under the site's 25 MB.

``--check`` then runs the two scanners that block an upload on plugins.qgis.org over the zip's contents
(https://plugins.qgis.org/docs/security-scanning): Bandit with every test the site enables (it rates the
tests in ``BANDIT_SKIPPED`` "info" and leaves them off; a finding of any other test blocks the upload unless
the uploader waives it, so we allow none), and detect-secrets over all files but ``metadata.txt``.
A deliberate exception is marked in the code by a narrow ``# nosec Bxxx`` that says why; the site's Bandit
honours those.
"""
from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = "besecure"
MAX_BYTES = 25 * 1024 * 1024  # plugins.qgis.org refuses larger uploads

# Files and folders the plugin needs at run time (compat.py: the Qt5/Qt6 compatibility module; the demo
# algorithm's help points to docs/demo_data.md).
RUNTIME = ("__init__.py", "plugin.py", "compat.py", "metadata.txt", "LICENSE", "analysis", "processing", "layers",
           "knowledge", "ui", "i18n", "icons", "docs/demo_data.md")
# Top-level entries whose other files are for developers only: tests, benchmarks, CI, build and contributor files.
DEVELOPMENT = (".ci", ".gitignore", "CONTRIBUTING.md", "CHANGELOG.md", "Makefile", "README.md", "bench", "docs",
               "pyproject.toml", "resources.qrc", "scripts", "tests")
# Inside the runtime entries: Qt Linguist sources (the compiled .qm ships), translations waiting for
# `make translations`, contributor notes and caches.
EXCLUDED = ("*.ts", "i18n/pending/*", "*/README.md", "*/__pycache__/*", "*.pyc")
BANDIT_SKIPPED = ("B109", "B404", "B410", "B411")  # rated "info" and disabled by plugins.qgis.org


def tracked_files(root: Path = ROOT) -> list[str]:
    """Paths git tracks under ``root`` (relative, with ``/``), those deleted in the work tree left out."""
    out = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True)  # nosec B603 B607
    return sorted(p for p in out.stdout.decode("utf-8").split("\0") if p and (root / p).is_file())


def _runtime(path: str) -> bool:
    return any(path == entry or path.startswith(entry + "/") for entry in RUNTIME)


def unclassified(files: list[str]) -> list[str]:
    """Top-level entries of files outside ``RUNTIME`` that ``DEVELOPMENT`` does not name either."""
    return sorted({f.split("/", 1)[0] for f in files if not _runtime(f)} - set(DEVELOPMENT))


def package_files(files: list[str]) -> list[str]:
    """The subset of ``files`` that goes into the package."""
    return [f for f in files if _runtime(f) and not any(fnmatch.fnmatch(f, pattern) for pattern in EXCLUDED)]


def metadata_value(text: str, key: str) -> str:
    """The value of ``key`` in the ``[general]`` section of a metadata.txt text."""
    match = re.search(rf"^{re.escape(key)}\s*=\s*(.*)$", text, flags=re.MULTILINE)
    if match is None:
        raise SystemExit(f"metadata.txt has no {key}=")
    return match.group(1).strip()


def changelog_entries(markdown: str) -> list[tuple[str, list[str]]]:
    """``(version, items)`` per ``## <version>`` section of CHANGELOG.md, newest first.

    An item is a top-level ``- `` bullet with its indented continuation lines joined.
    """
    entries: list[tuple[str, list[str]]] = []
    for line in markdown.splitlines():
        heading = re.match(r"^##\s+(\S+)", line)
        if heading:
            entries.append((heading.group(1), []))
        elif entries and line.startswith("- "):
            entries[-1][1].append(line[2:].strip())
        elif entries and entries[-1][1] and line.startswith("  ") and line.strip():
            entries[-1][1][-1] += " " + line.strip()
    return entries


def metadata_changelog(markdown: str) -> str:
    """CHANGELOG.md as a metadata.txt ``changelog=`` value (indented continuation lines, as configparser reads)."""
    lines = []
    for version, items in changelog_entries(markdown):
        lines.append(f"    {version}")
        lines.extend(f"    - {item}" for item in items)
    return "changelog=\n" + "\n".join(lines)


def with_changelog(metadata: str, markdown: str) -> str:
    """``metadata`` with its ``changelog`` entry (and continuation lines) replaced by CHANGELOG.md's."""
    pattern = re.compile(r"^changelog\s*=.*(?:\n[ \t]+.*)*", flags=re.MULTILINE)
    if not pattern.search(metadata):
        raise SystemExit("metadata.txt has no changelog= line to fill")
    return pattern.sub(lambda _: metadata_changelog(markdown), metadata, count=1)


def build(out_dir: Path, root: Path = ROOT) -> Path:
    """Write ``<out_dir>/besecure-<version>.zip`` and return its path; SystemExit when a rule is broken."""
    files = tracked_files(root)
    stray = unclassified(files)
    if stray:
        raise SystemExit(f"Top-level entries neither in RUNTIME nor in DEVELOPMENT of scripts/package.py: {stray}")
    metadata = (root / "metadata.txt").read_text(encoding="utf-8")
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    version = metadata_value(metadata, "version")
    entries = changelog_entries(changelog)
    if not entries or entries[0][0] != version:
        raise SystemExit(f"CHANGELOG.md's newest section must be '## {version}' (metadata.txt's version)")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PLUGIN}-{version}.zip"
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in package_files(files):
            data = (root / name).read_bytes()
            if name == "metadata.txt":
                data = with_changelog(metadata, changelog).encode("utf-8")
            # A fixed time and plain rw-r--r-- permissions: the same tree gives the same zip, and the
            # site's file-permission check finds no executable.
            info = zipfile.ZipInfo(str(PurePosixPath(PLUGIN, name)), date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    size = partial.stat().st_size
    if size >= MAX_BYTES:
        partial.unlink()
        raise SystemExit(f"The package is {size / 1e6:.1f} MB; plugins.qgis.org takes at most 25 MB")
    partial.replace(target)
    return target


def _require(module: str) -> None:
    """SystemExit with what to do when a scanner is not installed in this Python."""
    if importlib.util.find_spec(module) is None:
        raise SystemExit(f"{module} is not installed for {sys.executable}: run `make venv` (the test venv has it) "
                         "or `pip install bandit detect-secrets`.")


def bandit_findings(folder: Path) -> list[dict]:
    """Bandit's findings over ``folder`` with the tests plugins.qgis.org enables, all severities."""
    _require("bandit")
    done = subprocess.run(  # nosec B603 (fixed argument list)
        [sys.executable, "-m", "bandit", "-r", str(folder), "-f", "json", "-q", "-s", ",".join(BANDIT_SKIPPED)],
        capture_output=True, text=True)
    if done.returncode not in (0, 1) or not done.stdout.strip():
        raise SystemExit(f"bandit failed: {done.stderr.strip()}")
    report = json.loads(done.stdout)
    if report.get("errors"):
        raise SystemExit(f"bandit could not scan: {report['errors']}")
    return report["results"]


def secret_findings(folder: Path) -> dict[str, list[dict]]:
    """detect-secrets' findings per file over ``folder`` as the site runs it (all files but metadata.txt)."""
    _require("detect_secrets")
    done = subprocess.run(  # nosec B603 (fixed argument list)
        [sys.executable, "-m", "detect_secrets", "scan", "--all-files", "--exclude-files", r"metadata\.txt", "."],
        cwd=folder, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"detect-secrets failed: {done.stderr.strip()}")
    return json.loads(done.stdout)["results"]


def blocking_findings(package: Path) -> list[str]:
    """One line per finding that would block the upload of ``package`` on plugins.qgis.org."""
    with tempfile.TemporaryDirectory(prefix="besecure-scan-") as tmp:
        with zipfile.ZipFile(package) as archive:
            archive.extractall(tmp)  # our own zip, written by build()
        folder = Path(tmp)
        lines = [f"bandit {r['test_id']} ({r['issue_severity']}/{r['issue_confidence']}) "
                 f"{Path(r['filename']).relative_to(folder)}:{r['line_number']}: {r['issue_text']}"
                 for r in bandit_findings(folder)]
        lines += [f"detect-secrets {s['type']} {name}:{s['line_number']}"
                  for name, secrets in secret_findings(folder).items() for s in secrets]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "dist"), help="folder for the zip (default: dist/)")
    parser.add_argument("--check", action="store_true", help="scan the zip with bandit and detect-secrets")
    args = parser.parse_args()
    package = build(Path(args.out))
    with zipfile.ZipFile(package) as archive:
        count = len(archive.namelist())
    print(f"{package} ({package.stat().st_size / 1e6:.2f} MB, {count} files)")
    if args.check:
        findings = blocking_findings(package)
        for line in findings:
            print(line, file=sys.stderr)
        if findings:
            print(f"{len(findings)} finding(s) would block the upload to plugins.qgis.org", file=sys.stderr)
            return 1
        print("bandit and detect-secrets: nothing that would block the upload")
    return 0


if __name__ == "__main__":
    sys.exit(main())
