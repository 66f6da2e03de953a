# Sourced by scripts/run.sh and scripts/test.sh: make .venv with Python >= 3.11 and install
# the pinned requirements file given as $1, again only when that file set changes.
req="$1"
py=""
for cand in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
  [[ -n "$cand" ]] || continue
  if command -v "$cand" >/dev/null 2>&1 &&
     "$cand" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    py="$cand"; break
  fi
done
if [[ -z "$py" ]]; then
  echo "Butuh Python 3.11 atau lebih baru (python3 --version)." >&2
  exit 1
fi
if [[ ! -x .venv/bin/python ]]; then
  echo "Membuat .venv dengan $("$py" --version)..."
  "$py" -m venv .venv
fi
stamp=".venv/.installed-$(basename "$req")"
want=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "Memasang paket dari $req..."
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$req"
  echo "$want" > "$stamp"
fi
