#!/usr/bin/env bash
# Runs every test: unit and socket tests (surefire), then the fat-jar tests (failsafe).
# Installs the system packages the tests need first, so that no test is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
exec mvn -B -ntp verify "$@"
