"""`make bench`: run every benchmark in its own process and summarise the ratios."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    status = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name}")
        done = subprocess.run([sys.executable, str(script)], cwd=HERE)
        status |= done.returncode
    print("\n== summary")
    for result in sorted((HERE / "results").glob("*.json")):
        print(result.stem, json.dumps(json.loads(result.read_text()))[:400])
    return status


if __name__ == "__main__":
    sys.exit(main())
