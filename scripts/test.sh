#!/usr/bin/env bash
# Set up a fresh machine and run every check CI runs: lint, format, types,
# the test suite on the installed package, and the dev-set quality gate.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${ARMSWATCH_VENV:-.venv}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet ".[dev]"

echo "== ruff"
"$VENV/bin/ruff" check src tests benchmarks eval
"$VENV/bin/ruff" format --check src tests benchmarks eval
echo "== mypy --strict"
"$VENV/bin/mypy"
echo "== quality gate (dev set)"
"$VENV/bin/python" eval/gate.py
echo "== pytest"
# The src layout keeps ./src off sys.path, so tests import the installed package.
"$VENV/bin/python" -m pytest -p no:cacheprovider "$@"
