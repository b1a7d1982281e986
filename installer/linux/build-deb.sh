#!/usr/bin/env bash
# Builds the .deb of the desktop client for 统信 UOS, 麒麟 and Debian desktops from the
# PyInstaller folder OUT/officeapp (OUT is dist/ unless given). installer/build.sh runs
# PyInstaller and then this; run it alone only on a fresh PyInstaller folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(realpath -m "${1:-dist}")
version=$(.venv/bin/python -c 'import officeapp; print(officeapp.__version__)')
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
chmod 755 "$stage"  # it becomes the target's /, which mktemp would leave private
share=$stage/usr/share
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$share/applications" \
  "$share/icons/hicolor/scalable/apps"

cp -a "$out/officeapp" "$stage/opt/officeapp"
ln -s /opt/officeapp/officeapp "$stage/usr/bin/officeapp"
install -m 644 installer/linux/officeapp.desktop "$share/applications/officeapp.desktop"
desktop-file-validate "$share/applications/officeapp.desktop"
cp -r resources/icons/hicolor/. "$share/icons/hicolor/"
install -m 644 resources/icons/officeapp.svg "$share/icons/hicolor/scalable/apps/officeapp.svg"
# No maintainer scripts: the icon cache, the menu and the MIME database are refreshed by
# the dpkg file triggers of hicolor-icon-theme, desktop-file-utils and shared-mime-info.

# The bundle runs on the glibc it was built against or a newer one: ask for that one.
glibc=$(find "$stage/opt/officeapp" -type f \( -name '*.so*' -o -name officeapp \) \
          -exec objdump -T {} + 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | cut -d_ -f2 \
          | sort -uV | tail -n 1)
size=$(du -sk "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@GLIBC@/$glibc/" \
    -e "s/@SIZE@/$size/" installer/linux/control > "$stage/DEBIAN/control"
# shellcheck disable=SC2086  # the flags are meant to split
dpkg-deb --root-owner-group ${OFFICEAPP_DEB_COMPRESSION:--Zxz -z6} \
  --build "$stage" "$out/officeapp_${version}_${arch}.deb"
