"""The plugins.qgis.org package (scripts/package.py): contents, metadata, the site's scanners, and a clean install.

The zip is built from this checkout into a temporary folder; the install test unpacks it into a fresh QGIS
profile and starts qgis_process with no QGIS_PLUGINPATH, so the plugin can only come from the unpacked copy.
"""
from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("package_script", ROOT / "scripts" / "package.py")
package = importlib.util.module_from_spec(spec)
spec.loader.exec_module(package)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return package.build(tmp_path_factory.mktemp("dist"))


def zipped_metadata(zip_path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (qgisMinimumVersion)
    with zipfile.ZipFile(zip_path) as archive:
        parser.read_string(archive.read("besecure/metadata.txt").decode("utf-8"))
    return parser["general"]


def test_zip_holds_the_runtime_files_and_nothing_else(built):
    names = zipfile.ZipFile(built).namelist()
    meta = zipped_metadata(built)
    assert built.name == f"besecure-{meta['version']}.zip"
    assert built.stat().st_size < 25 * 1024 * 1024
    assert all(n.startswith("besecure/") for n in names)
    relative = [n.removeprefix("besecure/") for n in names]
    for forbidden in ("tests/", "bench/", ".ci/", "scripts/", "i18n/pending/", ".venv/", ".build/"):
        assert not [n for n in relative if n.startswith(forbidden)], forbidden
    for forbidden in ("Makefile", "pyproject.toml", "CONTRIBUTING.md", "README.md", ".gitignore", "resources.qrc"):
        assert forbidden not in relative
    assert not [n for n in relative if "__pycache__" in n or n.endswith((".pyc", ".ts", ".part"))]
    # Every Python module and data file git tracks under the runtime folders is there (nothing forgotten).
    tracked = subprocess.run(["git", "ls-files", "analysis", "processing", "layers", "ui", "knowledge", "icons"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    expected = {f for f in tracked if not f.endswith("README.md") and (ROOT / f).is_file()}
    assert expected and expected <= set(relative)
    for needed in ("__init__.py", "plugin.py", "metadata.txt", "LICENSE", "i18n/besecure_nl.qm", "docs/demo_data.md",
                   "processing/provider.py", meta["icon"]):
        assert needed in relative, needed
    # Files go in as plain rw-r--r-- (the site flags executables).
    assert {(i.external_attr >> 16) & 0o777 for i in zipfile.ZipFile(built).infolist()} == {0o644}


def test_zipped_metadata_is_complete_with_the_changelog(built):
    meta = zipped_metadata(built)
    for key in ("name", "description", "about", "version", "qgisMinimumVersion", "author", "email", "tracker",
                "repository", "homepage", "license", "tags", "category", "icon", "changelog"):
        assert meta.get(key, "").strip(), key
    assert "@" in meta["email"]
    for key in ("tracker", "repository", "homepage"):
        assert meta[key].startswith("https://"), key
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = [line.split()[1] for line in changelog.splitlines() if line.startswith("## ")]
    assert versions[0] == meta["version"]
    zipped = meta["changelog"]
    for version in versions:
        assert version in zipped.split("\n")
    # Each CHANGELOG bullet, joined onto one line, is a line of the zipped changelog.
    assert "- Crime maps: aggregate incidents on square or hexagon grids or on zones (counts per category," in zipped
    assert zipped.count("\n- ") == sum(line.startswith("- ") for line in changelog.splitlines())


def test_changelog_conversion_on_a_small_example():
    markdown = "# Changelog\n\nIntro - not an item.\n\n## 1.1\n\n- New: x\n  and y.\n- Fixed z.\n\n## 1.0\n\n- First.\n"
    metadata = "[general]\nname=X\nchangelog=old\n  old continued\ntags=a\n"
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(package.with_changelog(metadata, markdown))
    assert parser["general"]["changelog"].strip() == "1.1\n- New: x and y.\n- Fixed z.\n1.0\n- First."
    assert parser["general"]["tags"] == "a"


def _git_repo(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org")
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "x"]):
        subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)
    return root


MINIMAL = {"metadata.txt": "[general]\nname=X\nversion=2.0\nchangelog=x\n", "CHANGELOG.md": "## 2.0\n\n- Done.\n",
           "__init__.py": "", "ui/dock.py": "", "i18n/besecure_nl.ts": "<TS/>", "i18n/pending/a.json": "{}",
           "tests/test_x.py": ""}


def test_untracked_files_stay_out_and_new_top_level_entries_must_be_classified(tmp_path):
    repo = _git_repo(tmp_path / "repo", MINIMAL)
    (repo / "ui" / "scratch.py").write_text("print('not committed')\n")
    (repo / "ui" / "__pycache__").mkdir()
    (repo / "ui" / "__pycache__" / "dock.cpython-311.pyc").write_bytes(b"\0")
    names = zipfile.ZipFile(package.build(tmp_path / "out", root=repo)).namelist()
    assert sorted(names) == ["besecure/__init__.py", "besecure/metadata.txt", "besecure/ui/dock.py"]

    (repo / "docs").mkdir()
    (repo / "docs" / "design.md").write_text("for developers")  # docs/: only demo_data.md ships
    subprocess.run(["git", "add", "docs"], cwd=repo, check=True)
    assert "besecure/docs/design.md" not in zipfile.ZipFile(package.build(tmp_path / "out", root=repo)).namelist()
    (repo / "notes").mkdir()
    (repo / "notes" / "plan.txt").write_text("x")
    subprocess.run(["git", "add", "notes"], cwd=repo, check=True)
    with pytest.raises(SystemExit, match="notes"):
        package.build(tmp_path / "out", root=repo)


def test_changelog_must_describe_the_metadata_version(tmp_path):
    repo = _git_repo(tmp_path / "repo", {**MINIMAL, "CHANGELOG.md": "## 1.9\n\n- Older.\n"})
    with pytest.raises(SystemExit, match=r"## 2.0"):
        package.build(tmp_path / "out", root=repo)


def test_package_passes_the_sites_blocking_scans(built):
    assert package.blocking_findings(built) == []


def test_scan_finds_what_the_site_blocks(tmp_path):
    """The scan is not vacuous: shell=True, eval and a cloud key in a package are each reported."""
    bad = tmp_path / "bad.zip"
    key = "AKIA" + "IOSFODNN7" + "EXAMPLE"  # assembled here so that this test file holds no key
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("besecure/run.py", "import subprocess\n\ndef run(cmd):\n"
                                            "    return subprocess.call(cmd, shell=True)\n")
        archive.writestr("besecure/calc.py", "def calc(text):\n    return eval(text)\n")
        archive.writestr("besecure/keys.py", f'AWS_KEY = "{key}"\n')
    findings = package.blocking_findings(bad)
    assert any(f.startswith("bandit B602") and "run.py:4" in f for f in findings)
    assert any(f.startswith("bandit B307") and "calc.py:2" in f for f in findings)
    assert any(f.startswith("detect-secrets AWS Access Key") and "keys.py:1" in f for f in findings)


def qgis_process_binary() -> str:
    """Debian 12 ships the wrapper ``qgis_process`` and the real ``qgis_process.bin``; later releases one binary."""
    for name in ("qgis_process.bin", "qgis_process"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("qgis_process is not installed")


def fresh_profile_process(profile: Path, *args: str) -> subprocess.CompletedProcess:
    """qgis_process with only ``profile``: no QGIS_PLUGINPATH, no PYTHONPATH, run from outside the checkout."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QGIS_PLUGINPATH", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
    env.update(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile),
               XDG_RUNTIME_DIR=str(profile.parent / "xdg"))
    (profile.parent / "xdg").mkdir(mode=0o700, parents=True, exist_ok=True)
    return subprocess.run([qgis_process_binary(), *args], env=env, cwd=profile.parent, capture_output=True,
                          text=True, timeout=300)


def test_installed_zip_loads_plugin_and_provider_in_a_fresh_profile(built, tmp_path):
    # Control: an empty profile has no BESECURE, so the checkout is not reachable some other way.
    empty = fresh_profile_process(tmp_path / "empty" / "profile", "plugins", "enable", "besecure")
    assert empty.returncode != 0

    profile = tmp_path / "user" / "profile"
    plugins = profile / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(built) as archive:
        archive.extractall(plugins)  # what QGIS's plugin installer does with a zip from the site
    enabled = fresh_profile_process(profile, "plugins", "enable", "besecure")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    listed = fresh_profile_process(profile, "list")
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stdout + listed.stderr
    from besecure.processing.algorithms import algorithm_classes  # the checkout's algorithms, to compare with

    ids = [cls.ALGORITHM_ID for cls in algorithm_classes()]
    assert len(ids) >= 18
    for alg_id in ids:
        assert f"besecure:{alg_id}\t" in listed.stdout, alg_id
    # The modules QGIS imported were the unpacked copy's: Python cached their bytecode there.
    assert (plugins / "besecure" / "processing" / "algorithms" / "__pycache__").is_dir()
