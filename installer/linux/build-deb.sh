#!/usr/bin/env bash
# Builds a .deb of the desktop client for domestic Linux desktops (统信 UOS, 麒麟) from the
# PyInstaller folder: run `pyinstaller installer/officeapp.spec` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(.venv/bin/python -c 'import officeapp; print(officeapp.__version__)')
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/DEBIAN" "$stage/opt/officeapp" "$stage/usr/share/applications" "$stage/usr/bin"
cp -a dist/officeapp/. "$stage/opt/officeapp/"
ln -s /opt/officeapp/officeapp "$stage/usr/bin/officeapp"
cp installer/linux/officeapp.desktop "$stage/usr/share/applications/"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" installer/linux/control > "$stage/DEBIAN/control"
dpkg-deb --root-owner-group --build "$stage" "dist/officeapp_${version}_${arch}.deb"
