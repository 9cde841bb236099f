"""analysis/ and knowledge/ type-check with mypy ([tool.mypy] in pyproject.toml; `make lint` runs it too)."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_clean():
    beside = Path(sys.executable).with_name("mypy")  # the test venv's mypy first, whatever PATH holds
    mypy = str(beside) if beside.exists() else shutil.which("mypy")
    if not mypy:
        pytest.skip("mypy is not installed (make venv installs it)")
    done = subprocess.run([mypy], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    # The configured folders were read (a wrong `files` setting would check nothing and pass).
    checked = re.search(r"(\d+) source files", done.stdout)
    assert checked and int(checked.group(1)) >= 20, done.stdout
