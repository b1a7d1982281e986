#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian/Ubuntu machine: the Debian
# packages (CJK fonts, Qt's system libraries, Xvfb, poppler), a virtual env in .venv and the
# project with its server and dev extras. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(
  python3-venv
  fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei
  poppler-utils qpdf xvfb xauth postgresql-client nginx-light openssl libnss3-tools
  binutils desktop-file-utils
  slapd ldap-utils
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-image0
)
missing=()
for pkg in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.officeapp-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[server,dev]'
  touch "$stamp"
fi

# The tests' OpenID Connect provider (panva's oidc-provider, tests/support/oidc_provider):
# node from Debian when the machine has none, the locked npm packages once per lock change.
if ! command -v npm >/dev/null 2>&1; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "bootstrap: installing Debian packages: nodejs npm"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq nodejs npm >/dev/null
fi
oidc=tests/support/oidc_provider
if [ ! -f "$oidc/node_modules/.package-lock.json" ] || \
   [ "$oidc/package-lock.json" -nt "$oidc/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$oidc" --no-audit --no-fund --loglevel=error
fi
