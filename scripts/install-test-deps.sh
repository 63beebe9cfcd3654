#!/usr/bin/env bash
# Installs, from Debian's packages, what the build and the tests need when it is missing:
# npm (the build fetches the browser's event-bus client), tmux (the terminal client test),
# chromium and chromium-driver (the browser tests), irssi (the IRC client test), iproute2 (ip netns:
# the partition test runs its nodes in network namespaces, as root).
set -euo pipefail

missing=()
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v irssi >/dev/null 2>&1 || missing+=(irssi)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "installing test dependencies: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
