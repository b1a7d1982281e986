#!/usr/bin/env bash
# Runs the whole test suite (installing what is missing first). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check officeapp sync ui tests benchmarks
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
