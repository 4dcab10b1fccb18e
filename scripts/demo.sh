#!/usr/bin/env bash
# Set up a fresh machine and run the main job on the bundled sample pages:
# extract their events, store them in ./armswatch.db and print them.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${ARMSWATCH_VENV:-.venv}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet .
"$VENV/bin/armswatch" demo --db "${ARMSWATCH_DB:-armswatch.db}" --format table
