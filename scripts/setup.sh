#!/usr/bin/env bash
# Install what Spark needs into .venv and spark/static/vendor; quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi

stamp=.venv/.spark-installed
wanted=$(cat pyproject.toml package.json package-lock.json | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ] || [ ! -f spark/static/vendor/htmx.min.js ]; then
  echo "Installing Python packages…"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
  echo "Installing htmx (pinned in package.json)…"
  npm ci --no-audit --no-fund --silent
  mkdir -p spark/static/vendor
  cp node_modules/htmx.org/dist/htmx.min.js spark/static/vendor/htmx.min.js
  echo "$wanted" > "$stamp"
fi

# Compile the interface translations (.po to .mo) every time: cheap, and never stale.
.venv/bin/pybabel compile -d spark/translations >/dev/null
