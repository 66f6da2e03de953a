#!/usr/bin/env bash
# Browser tests and server-side chart images need Debian's Chromium (never a downloaded build).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Memasang Chromium dari paket Debian..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
else
  echo "Peringatan: Chromium tidak ada; uji peramban akan dilewati." \
       "Pasang dengan: sudo apt-get install chromium" >&2
fi
