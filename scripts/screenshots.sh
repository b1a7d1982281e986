#!/usr/bin/env bash
# Starts the demo under Xvfb and saves a screenshot of each main screen to ./screenshots, then
# the main screens on small screens, in Chinese and in English, to ./screenshots/small:
# a 1024×600 screen, and a 2048×1200 one at 200 % (QT_SCALE_FACTOR=2: 1024×600 logical).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py
for lang in zh en; do
    xvfb-run -a -s "-screen 0 1024x600x24" \
        .venv/bin/python scripts/screenshots.py --small 1024x600 --lang "$lang"
    QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 2048x1200x24" \
        .venv/bin/python scripts/screenshots.py --small 200pct --lang "$lang"
done
