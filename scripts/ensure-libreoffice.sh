#!/usr/bin/env bash
# The LKE Excel export is checked by opening it in LibreOffice Calc (Debian's package, headless).
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Memasang LibreOffice Calc dari paket Debian..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
else
  echo "Peringatan: LibreOffice tidak ada; uji pembukaan LKE Excel di Calc akan dilewati." \
       "Pasang dengan: sudo apt-get install libreoffice-calc-nogui" >&2
fi
