#!/usr/bin/env bash
# Runs the dashboard on $ZI_WORKBOOK (default data/rencana_aksi.xlsx), or on a folder of
# workbooks with ZI_FOLDER=/srv/zi (one per satker and year), setting up .venv first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh requirements.txt
exec .venv/bin/streamlit run app.py "$@"
