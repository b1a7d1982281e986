#!/usr/bin/env bash
# Builds the desktop client from a clean checkout: the PyInstaller folder OUT/officeapp/ and
# the Debian package OUT/officeapp_<version>_<arch>.deb, where OUT is dist/ unless given.
# Installs what is missing first: the project's virtual env (PyInstaller is in the dev extra),
# binutils (PyInstaller reads libraries with objdump) and desktop-file-utils (checks the
# menu entry). OFFICEAPP_DEB_COMPRESSION replaces dpkg-deb's compression flags (-Zxz -z6).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-dist}")
bash scripts/bootstrap.sh

missing=()
command -v objdump >/dev/null || missing+=(binutils)
command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "build: installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
rm -rf "$out/officeapp"
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath "$out" --workpath "$work" \
  installer/officeapp.spec
bash installer/linux/build-deb.sh "$out"
