"""The code base stays ruff-clean (pyflakes, pycodestyle, isort, bugbear, naming; pyproject.toml)."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_clean():
    beside = Path(sys.executable).with_name("ruff")  # the test venv's ruff first, whatever PATH holds
    ruff = str(beside) if beside.exists() else shutil.which("ruff")
    assert ruff, "ruff is not installed (make venv installs it)"
    done = subprocess.run([ruff, "check", "--output-format", "concise", str(ROOT)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:]
