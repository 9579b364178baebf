#!/usr/bin/env bash
# The README's run command: sets everything up, builds the web app, serves it on 127.0.0.1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs
port="${PORT:-8080}"

bash scripts/setup.sh
cmake --preset web >/dev/null
cmake --build --preset web
exec node tests/browser/server.mjs build/web/site "$port"
