#!/usr/bin/env bash
# Set up, then run the whole test suite against a real PostgreSQL (embedded unless TEST_DATABASE_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
