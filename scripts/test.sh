#!/usr/bin/env bash
# Runs the whole test suite (lint included), setting up .venv and Chromium first.
# Extra arguments go to pytest, e.g. scripts/test.sh -m browser.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh requirements-dev.txt
bash scripts/ensure-chromium.sh
bash scripts/ensure-libreoffice.sh
.venv/bin/ruff check . --output-format concise
.venv/bin/ruff format --check . >/dev/null || { .venv/bin/ruff format --diff . | head -50; exit 1; }
exec .venv/bin/pytest "$@"
