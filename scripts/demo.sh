#!/usr/bin/env bash
# Installs everything (first run only), then starts the product on its embedded default: the
# server on SQLite with the demo organisation in ./data, and the desktop client connected to
# it. Closing the client stops the server. Without a display the server runs alone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
port=${OFFICEAPP_PORT:-8765}
url="http://127.0.0.1:${port}"

.venv/bin/officeapp-server --demo --port "$port" --data-dir ./data &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  if .venv/bin/python -c "import httpx,sys; sys.exit(httpx.get('$url/api/v1/health').status_code != 200)" 2>/dev/null; then
    break
  fi
  sleep 0.2
done

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "没有图形显示：服务器已在 $url 运行（Ctrl+C 停止）。在有桌面的电脑上运行本命令即可打开客户端。"
  wait "$server"
else
  .venv/bin/officeapp --server "$url"
fi
