#!/usr/bin/env bash
# Runs the dashboard on $ZI_WORKBOOK (default data/rencana_aksi.xlsx), or on a folder of
# workbooks with ZI_FOLDER=/srv/zi (one per satker and year), setting up .venv first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh requirements.txt
if [ -n "${ZI_FOLDER:-}" ] && [ -d "$ZI_FOLDER" ]; then
  # The Rekap's summaries kept beside the workbooks, filled in the background (zi_dash/serve.py
  # does the same): no user waits for the folder's first look; a failure only costs that.
  # Started from a subshell that ends at once, so init adopts and reaps it: after `exec` no
  # shell is left to, and the server would keep it as a zombie.
  (.venv/bin/python -m zi_dash rekap --folder "$ZI_FOLDER" --warm >/dev/null 2>&1 &)
fi
exec .venv/bin/streamlit run app.py "$@"
