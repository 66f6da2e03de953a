#!/usr/bin/env bash
# Runs the dashboard on $ZI_WORKBOOK (default data/rencana_aksi.xlsx), setting up .venv first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh requirements.txt
exec .venv/bin/streamlit run app.py "$@"
