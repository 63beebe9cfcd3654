#!/usr/bin/env bash
# Runs irctest's core server tests against vchat and, for comparison, ngircd (Debian's).
# Usage: scripts/irctest/run.sh IRCTEST_DIR [vchat|ngircd] [pytest args...]
# IRCTEST_DIR: a checkout of https://github.com/progval/irctest (python3 + pytest).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
irctest="$1"; server="${2:-vchat}"; shift $(( $# >= 2 ? 2 : 1 ))
export VCHAT_JAR="${VCHAT_JAR:-$here/../../target/chat.jar}"
cp "$here/vchat.py" "$irctest/irctest/controllers/vchat.py"
tests=(connection_registration pingpong join part quit messages names who whois lusers isupport)
files=()
for t in "${tests[@]}"; do files+=("irctest/server_tests/$t.py"); done
cd "$irctest"
python3 -m pytest -q -p no:cacheprovider --controller "irctest.controllers.$server" \
  -m 'not services and not IRCv3 and not implementation-specific' "${files[@]}" "$@"
