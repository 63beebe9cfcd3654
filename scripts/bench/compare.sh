#!/usr/bin/env bash
# Side by side, one generator (java -jar target/chat.jar bench): vchat on its chat port and its
# IRC port, Debian's ngircd, and the bench's own --blast-server (the yardstick), plus a 3-node
# vchat cluster against one node. Writes DIR/results.md (medians and every run), DIR/compare.png
# and each run's JSON in DIR/raw/. docs/PERFORMANCE.md, "Side by side", says what each case is.
#
#   scripts/bench/compare.sh [-r RUNS] [-c CASES] [-s SERVERS] [-m MEMORY_USERS] [-o DIR]
#
#   -r RUNS          runs per case and server (default 3; the table gives medians)
#   -c CASES         comma-separated, from: fanout,private,latency,memory,cluster (default: all)
#   -s SERVERS       comma-separated, from: blast,vchat,vchat-irc,ngircd (default: all; the
#                    cluster case compares 1-node and 3-nodes whatever this says)
#   -m MEMORY_USERS  idle users of the memory case (default 5000; 19000 needs an open-file
#                    limit above 20,000 for the server and the bench alike)
#   -o DIR           where the results go (default target/bench-compare); runs already there
#                    are kept and numbered on, so several invocations add up
#
# Needs target/chat.jar (mvn -B -q package -DskipTests); installs ngircd, gnuplot-nox and jq from
# Debian when missing. Servers listen on 127.0.0.1 only, on ports from BASE_PORT (default 19100).
set -euo pipefail

cd "$(dirname "$0")/../.."
RUNS=3
CASES=fanout,private,latency,memory,cluster
SERVERS=blast,vchat,vchat-irc,ngircd
MEMORY_USERS=5000
OUT=target/bench-compare
while getopts "r:c:s:m:o:h" opt; do
  case "$opt" in
    r) RUNS=$OPTARG ;;
    c) CASES=$OPTARG ;;
    s) SERVERS=$OPTARG ;;
    m) MEMORY_USERS=$OPTARG ;;
    o) OUT=$OPTARG ;;
    *) sed -n '2,21p' "$0"; exit 64 ;;
  esac
done
JAR=target/chat.jar
[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -B -q package -DskipTests)" >&2; exit 1; }

missing=()
[ -x /usr/sbin/ngircd ] || missing+=(ngircd)
command -v gnuplot >/dev/null 2>&1 || missing+=(gnuplot-nox)
command -v jq >/dev/null 2>&1 || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { "${sudo_cmd[@]}" apt-get update -qq && "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi
# every connection is a file, in the server and in the bench
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

BASE=${BASE_PORT:-19100}
P_CHAT=$BASE P_IRC=$((BASE + 1)) P_NG=$((BASE + 2)) P_BLAST=$((BASE + 3))
P_ONE=$((BASE + 10)) P_C1=$((BASE + 11)) P_C2=$((BASE + 12)) P_C3=$((BASE + 13))
LIMITS='"idleTimeoutSeconds":0,"floodMessagesPerSecond":0,"maxConnectionsPerIp":0,"maxConnections":0,"webEnabled":false'
TMP=$(mktemp -d)
mkdir -p "$OUT/raw"
LOG=$OUT/compare.log
PIDS=()
stop_all() { # the servers are not all children of this shell: wait for each pid to be gone
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  PIDS=()
}
trap 'stop_all; rm -rf "$TMP"' EXIT
say() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$LOG"; }

listening() { ss -Hltn "sport = :$1" | grep -q LISTEN; }
wait_port() {
  for _ in $(seq 1 600); do listening "$1" && return 0; sleep 0.1; done
  echo "nothing listens on port $1 after 60 s" >&2; return 1
}
for p in $P_CHAT $P_IRC $P_NG $P_BLAST $P_ONE $P_C1 $P_C2 $P_C3; do
  if listening "$p"; then echo "port $p is taken: set BASE_PORT" >&2; exit 1; fi
done

# vchat as README runs it (target/chat, the start script, which execs java: $! is the server),
# limits lifted; prints its pid
start_vchat() { # name, extra -conf keys, chat.jar options (-cluster)...
  local name=$1 conf=$2; shift 2
  "$(dirname "$JAR")/chat" "$@" -conf "{$conf,$LIMITS}" > "$TMP/$name.log" 2>&1 &
  echo $!
}
start_ngircd() {
  cat > "$TMP/ngircd.conf" <<EOF
[Global]
Name = bench.ngircd
Info = vchat bench
AdminInfo1 = bench
AdminInfo2 = bench
AdminEMail = bench@localhost
Listen = 127.0.0.1
Ports = $P_NG
MotdPhrase = bench
PidFile = $TMP/ngircd.pid
[Limits]
MaxConnections = 0
MaxConnectionsIP = 0
MaxJoins = 0
MaxNickLength = 30
# 0: no penalty seconds for commands sent too fast (ngircd still handles at most 3 commands
# per client per pass of its loop: a constant of its source)
MaxPenaltyTime = 0
PingTimeout = 600
PongTimeout = 600
[Options]
DNS = no
Ident = no
PAM = no
EOF
  /usr/sbin/ngircd -n -f "$TMP/ngircd.conf" > "$TMP/ngircd.log" 2>&1 &
  echo $!
}

# one bench run: name of the case, of the server, run number, server pid, bench options...
# (the run number is the next free one for that case and server in DIR/raw)
bench() {
  local case=$1 server=$2 run=$3 pid=$4; shift 4
  if [[ "$server" != *node* ]] && ! [[ ",$SERVERS," == *",$server,"* ]]; then return 0; fi
  while [ -e "$OUT/raw/$case.$server.$run.json" ]; do run=$((run + 1)); done
  local file="$OUT/raw/$case.$server.$run.json" load
  load=$(cut -d' ' -f1 /proc/loadavg)
  say "$case / $server / run $run (load $load): bench $*"
  # the bench's log lines (a connection reset, say) go to stdout too: the JSON is what follows them
  if timeout 900 java -jar "$JAR" bench --json --server-pid "$pid" "$@" > "$TMP/out.txt" 2>> "$LOG" \
    && sed -n '/^{/,$p' "$TMP/out.txt" | jq --arg case "$case" --arg server "$server" --argjson run "$run" --argjson load "$load" \
      '. + {case: $case, server: $server, run: $run, load1: $load}' > "$file.tmp"; then
    grep -v '^{' "$TMP/out.txt" | sed -n '/^[0-9][0-9:.]* [A-Z][A-Z]* /p' | sort | uniq -c | sort -rn | head -3 | sed 's/^/    bench log: /' | tee -a "$LOG"
    mv "$file.tmp" "$file"
    jq -r '"    \(.deliveriesPerSecond) deliveries/s, lost \(.lost), reordered \(.reordered), p50 \(.latencyMillis.p50) ms, p99 \(.latencyMillis.p99) ms, server \(.serverCpuCores) cores, RSS/user \(.serverRssBytesPerConnection) B"' "$file" | tee -a "$LOG"
  else
    rm -f "$file.tmp"
    cat "$TMP/out.txt" >> "$LOG"
    say "    failed (see $LOG)"
  fi
}
has() { [[ ",$CASES," == *",$1,"* ]]; }

NG_CONNECT=(--connect-concurrency 16) # ngircd listens with a backlog of 10: more SYNs in flight are dropped and retried 1 s later
IRC=(--protocol irc)
LAT=(--users 5000 --senders 5 --messages 0 --duration 15 --warmup 5 --quiet-ms 2000 --join-timeout 300)
started=$(date +%s)
say "compare: runs $RUNS, cases $CASES, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

if has fanout || has private || has latency; then
  VCHAT=$(start_vchat vchat "\"port\":$P_CHAT,\"ircPort\":$P_IRC"); PIDS+=("$VCHAT")
  NGIRCD=$(start_ngircd); PIDS+=("$NGIRCD")
  java -jar "$JAR" bench --blast-server --port "$P_BLAST" --duration 3600 > "$TMP/blast.log" 2>&1 &
  BLAST=$!; PIDS+=("$BLAST")
  wait_port "$P_CHAT"; wait_port "$P_IRC"; wait_port "$P_NG"; wait_port "$P_BLAST"
  say "warming vchat's JIT (not counted)"
  java -jar "$JAR" bench --port "$P_CHAT" --users 1000 --senders 10 --messages 1000 > /dev/null 2>> "$LOG" || true
  if has private; then # the private path's code too, on both ports (a C server has nothing to warm)
    java -jar "$JAR" bench --port "$P_CHAT" --users 1000 --senders 10 --messages 20000 --private > /dev/null 2>> "$LOG" || true
    java -jar "$JAR" bench --port "$P_IRC" "${IRC[@]}" --users 1000 --senders 10 --messages 20000 --private > /dev/null 2>> "$LOG" || true
  fi
  for run in $(seq 1 "$RUNS"); do
    if has fanout; then
      F=(--users 1000 --senders 10 --messages 1000)
      bench fanout vchat-irc "$run" "$VCHAT" --port "$P_IRC" "${IRC[@]}" "${F[@]}"
      bench fanout ngircd "$run" "$NGIRCD" --port "$P_NG" "${IRC[@]}" "${NG_CONNECT[@]}" "${F[@]}"
      bench fanout vchat "$run" "$VCHAT" --port "$P_CHAT" "${F[@]}"
      bench fanout blast "$run" "$BLAST" --port "$P_BLAST" "${F[@]}" --quiet-ms 300
    fi
    if has private; then
      P=(--users 1000 --senders 10 --messages 20000 --private)
      bench private vchat-irc "$run" "$VCHAT" --port "$P_IRC" "${IRC[@]}" "${P[@]}"
      bench private ngircd "$run" "$NGIRCD" --port "$P_NG" "${IRC[@]}" "${NG_CONNECT[@]}" "${P[@]}"
      bench private vchat "$run" "$VCHAT" --port "$P_CHAT" "${P[@]}"
    fi
    if has latency; then
      for rate in 40 100; do
        bench "latency$rate" blast "$run" "$BLAST" --port "$P_BLAST" "${LAT[@]}" --rate "$rate"
        bench "latency$rate" vchat "$run" "$VCHAT" --port "$P_CHAT" "${LAT[@]}" --rate "$rate"
        bench "latency$rate" ngircd "$run" "$NGIRCD" --port "$P_NG" "${IRC[@]}" "${NG_CONNECT[@]}" "${LAT[@]}" --rate "$rate"
        bench "latency$rate" vchat-irc "$run" "$VCHAT" --port "$P_IRC" "${IRC[@]}" "${LAT[@]}" --rate "$rate"
      done
    fi
  done
  stop_all
fi

if has memory; then
  M=(--users "$MEMORY_USERS" --senders 0 --quiet-ms 2000 --join-timeout 600)
  for run in $(seq 1 "$RUNS"); do
    # a fresh server each run: RSS above its own idle baseline
    pid=$(start_vchat vchat "\"port\":$P_CHAT,\"ircPort\":$P_IRC"); PIDS+=("$pid")
    wait_port "$P_IRC"; sleep 2
    bench memory vchat-irc "$run" "$pid" --port "$P_IRC" "${IRC[@]}" "${M[@]}" --server-gc
    stop_all
    pid=$(start_ngircd); PIDS+=("$pid")
    wait_port "$P_NG"
    bench memory ngircd "$run" "$pid" --port "$P_NG" "${IRC[@]}" "${NG_CONNECT[@]}" "${M[@]}"
    stop_all
  done
fi

if has cluster; then
  ONE=$(start_vchat one "\"port\":$P_ONE,\"ircPort\":0"); PIDS+=("$ONE")
  # a cluster of its own: its own name and Hazelcast ports, whatever else runs on this machine
  HZ=$((BASE + 20))
  CLUSTER="\"clusterName\":\"vchat-bench-$$\",\"clusterPort\":$HZ,\"clusterMembers\":[\"127.0.0.1:$HZ\",\"127.0.0.1:$((HZ + 1))\",\"127.0.0.1:$((HZ + 2))\"]"
  NODE1=
  for p in $P_C1 $P_C2 $P_C3; do
    pid=$(start_vchat "node$p" "\"port\":$p,\"ircPort\":0,$CLUSTER" -cluster); PIDS+=("$pid")
    NODE1=${NODE1:-$pid}
  done
  wait_port "$P_ONE"; wait_port "$P_C1"; wait_port "$P_C2"; wait_port "$P_C3"
  sleep 5
  F=(--users 1000 --senders 10 --messages 1000)
  P=(--users 1000 --senders 10 --messages 2000 --private)
  java -jar "$JAR" bench --ports "$P_C1,$P_C2,$P_C3" "${F[@]}" > /dev/null 2>> "$LOG" || true
  java -jar "$JAR" bench --port "$P_ONE" "${F[@]}" > /dev/null 2>> "$LOG" || true
  for run in $(seq 1 "$RUNS"); do
    # --server-pid: the first node (the bench reads one process's CPU)
    bench cluster-fanout 3-nodes "$run" "$NODE1" --ports "$P_C1,$P_C2,$P_C3" "${F[@]}"
    bench cluster-fanout 1-node "$run" "$ONE" --port "$P_ONE" "${F[@]}"
    bench cluster-private 3-nodes "$run" "$NODE1" --ports "$P_C1,$P_C2,$P_C3" "${P[@]}"
    bench cluster-private 1-node "$run" "$ONE" --port "$P_ONE" "${P[@]}"
  done
  stop_all
fi

say "summarising"
bash scripts/bench/summarise.sh "$OUT"
say "done in $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s: $OUT/results.md, $OUT/compare.png"
