#!/usr/bin/env bash
# Installs Debian's poppler-utils (pdftotext, pdftoppm) for the PDF export tests when missing.
set -euo pipefail
if command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "poppler-utils is missing: run 'sudo apt-get install -y poppler-utils'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq poppler-utils >/dev/null
