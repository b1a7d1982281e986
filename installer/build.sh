#!/usr/bin/env bash
# Builds the desktop client from a clean checkout: the PyInstaller folder OUT/officeapp/ and
# the Debian package OUT/officeapp_<version>_<arch>.deb, where OUT is dist/ unless given.
# Installs what is missing first (scripts/bootstrap.sh): the project's virtual env (PyInstaller
# is in the dev extra), binutils (PyInstaller reads libraries with objdump) and
# desktop-file-utils (checks the menu entry). OFFICEAPP_DEB_COMPRESSION replaces dpkg-deb's compression flags (-Zxz -z6).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-dist}")
bash scripts/bootstrap.sh  # its Debian packages include binutils and desktop-file-utils

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
rm -rf "$out/officeapp"
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath "$out" --workpath "$work" \
  installer/officeapp.spec
bash installer/linux/build-deb.sh "$out"
