#!/usr/bin/env bash
# Starts the demo under Xvfb and saves a screenshot of each main screen to ./screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py
