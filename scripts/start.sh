#!/usr/bin/env bash
# Set up, migrate the embedded PostgreSQL, load the demo school, serve the web app and the job consumer.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/flask --app wsgi serve --demo "$@"
