#!/usr/bin/env bash
# Turns the runs of scripts/bench/compare.sh (DIR/raw/*.json) into DIR/results.md (medians, every
# run, the load average) and DIR/compare.png (latency percentiles and RSS per user). Can be run
# again on the same DIR.
#
#   scripts/bench/summarise.sh DIR
set -euo pipefail
DIR=${1:?usage: summarise.sh DIR}
shopt -s nullglob
files=("$DIR"/raw/*.json)
[ ${#files[@]} -gt 0 ] || { echo "no runs in $DIR/raw" >&2; exit 1; }

JQ_LIB='
def median: sort | if length == 0 then null elif length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
def order: {"fanout": 1, "private": 2, "latency40": 3, "latency100": 4, "memory": 5, "cluster-fanout": 6, "cluster-private": 7}[.] // 9;
def sorder: {"blast": 1, "vchat": 2, "vchat-irc": 3, "ngircd": 4, "1-node": 5, "3-nodes": 6}[.] // 9;
def m: . / 1e6 | . * 100 | round / 100;
def k: . / 1e3 | round;
def r1: . * 10 | round / 10;
def r2: . * 100 | round / 100;
def groups: group_by([.case, .server]) | sort_by((.[0].case | order), (.[0].server | sorder));
def med(f): map(f) | median;
'

jq -s -r "$JQ_LIB"'
  def what:
    {"fanout": "fan-out: 1,000 users, 10 senders x 1,000 msgs flat out (deliveries/s)",
     "private": "private messages: 1,000 users, 10 senders x 20,000 flat out (messages/s)",
     "latency40": "latency at ~1 M deliveries/s: 5,000 users, 5 senders x 40 msg/s, 15 s (5 s warm-up)",
     "latency100": "latency at ~2.5 M deliveries/s: 5,000 users, 5 senders x 100 msg/s, 15 s (5 s warm-up)",
     "memory": "memory: idle users after their join storm (server RSS above idle, per user)",
     "cluster-fanout": "cluster fan-out: 1,000 users round-robin over the nodes, 10 senders x 1,000 flat out",
     "cluster-private": "cluster private messages: 1,000 users over the nodes, 10 senders x 2,000 flat out"}[.] // .;
  def runs(f): map(f) | sort | map(tostring) | join(" · ");
  "| case | server | median | runs (sorted) | lost / reordered | server CPU (cores) | bench CPU | load avg (1 min) |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  (groups[] as $g | $g[0] as $f |
    (if ($f.case | startswith("latency")) then
       "p99 **\($g | med(.latencyMillis.p99) | r1) ms**, p50 \($g | med(.latencyMillis.p50) | r1) ms at \($g | med(.deliveriesPerSecond) | m) M/s"
     elif $f.case == "memory" then
       "**\($g | med(.serverRssBytesPerConnection) / 1e3 | r1) KB**/user (\($g | med(.connected)) held, storm \($g | med(.joinSettledSeconds) | r1) s)"
     else
       "**\($g | med(.deliveriesPerSecond) | if . >= 1e6 then "\(m) M/s" else "\(k) K/s" end)**"
     end) as $median |
    (if ($f.case | startswith("latency")) then "p99 ms: " + ($g | runs(.latencyMillis.p99 | r1))
     elif $f.case == "memory" then "KB/user: " + ($g | runs(.serverRssBytesPerConnection / 1e3 | r1))
     elif ($g | med(.deliveriesPerSecond)) >= 1e6 then ($g | runs(.deliveriesPerSecond | m)) + " M/s"
     else ($g | runs(.deliveriesPerSecond | k)) + " K/s"
     end) as $runs |
    "| \($f.case | what) | \($f.server) | \($median) | \($runs) | \($g | map(.lost) | add) / \($g | map(.reordered) | add) | \($g | map(.serverCpuCores | r2) | [min, max] | map(tostring) | join(" – ")) | \($g | map(.benchCpuCores | r2) | [min, max] | map(tostring) | join(" – ")) | \($g | map(.load1) | [min, max] | map(tostring) | join(" – ")) |"
  ),
  "",
  (map(select(.case | startswith("latency"))) | group_by(.case)[] as $c |
    ($c | map(select(.server == "blast")) | med(.latencyMillis.p99)) as $blast |
    select($blast != null and $blast > 0) |
    ($c | group_by(.server)[] | select(.[0].server != "blast") |
      "- \(.[0].case): p99 of \(.[0].server) / p99 of blast = **\(med(.latencyMillis.p99) / $blast | r2)x** (issue 16 asks for at most 1.5x)")),
  (map(select(.case | startswith("cluster"))) | group_by(.case)[] as $c |
    ($c | map(select(.server == "1-node")) | med(.deliveriesPerSecond)) as $one |
    ($c | map(select(.server == "3-nodes")) | med(.deliveriesPerSecond)) as $three |
    select($one != null and $three != null and $one > 0) |
    "- \($c[0].case): 3 nodes / 1 node = **\($three / $one * 100 | round) %**")
' "${files[@]}" > "$DIR/results.md"

# the plot's data: median p50 and p99 per server and rate; median KB per user per server
jq -s -r "$JQ_LIB"'
  [groups[] | select(.[0].case | startswith("latency"))] as $l |
  ["blast", "vchat", "vchat-irc", "ngircd"][] as $s |
  [$l[] | select(.[0].server == $s)] as $mine |
  def at($c; f): ([$mine[] | select(.[0].case == $c) | med(f)][0] // "NaN");
  "\($s) \(at("latency40"; .latencyMillis.p50)) \(at("latency40"; .latencyMillis.p99)) \(at("latency100"; .latencyMillis.p50)) \(at("latency100"; .latencyMillis.p99))"
' "${files[@]}" > "$DIR/latency.dat"
jq -s -r "$JQ_LIB"'
  groups[] | select(.[0].case == "memory") | "\(.[0].server) \(med(.serverRssBytesPerConnection) / 1000) \(med(.connected))"
' "${files[@]}" > "$DIR/memory.dat"

users=$(awk 'NR == 1 {print $3}' "$DIR/memory.dat")
load=$(jq -s -r '[.[] | select(.case | startswith("latency") or . == "memory") | .load1] | "\(min) – \(max)"' "${files[@]}")
panels=()
grep -qv ' NaN NaN NaN NaN$' "$DIR/latency.dat" && panels+=(latency)
[ -s "$DIR/memory.dat" ] && panels+=(memory)
if [ ${#panels[@]} -eq 0 ]; then
  echo "$DIR/results.md (no latency or memory case: no plot)"
  exit 0
fi
{
  echo "set terminal pngcairo size $((600 * ${#panels[@]})),520 font \"sans,11\""
  echo "set output \"$DIR/compare.png\""
  echo "set multiplot layout 1,${#panels[@]} title \"one generator, the servers on the same 2-core machine (medians of the runs; load average $load)\""
  echo "set style data histograms; set style histogram clustered gap 1; set style fill solid 0.85 border -1"
  echo "set boxwidth 0.9; set grid ytics"
  if [[ " ${panels[*]} " == *" latency "* ]]; then
    echo "set key below horizontal; set title \"latency, 5,000 users (log scale)\"; set ylabel \"ms\""
    echo "set logscale y; set yrange [0.1:*]"
    echo "plot \"$DIR/latency.dat\" using 2:xtic(1) title \"p50 @ 1 M/s\" lc rgb \"#9ecae1\", \"\" using 3 title \"p99 @ 1 M/s\" lc rgb \"#3182bd\", \"\" using 4 title \"p50 @ 2.5 M/s\" lc rgb \"#fdae6b\", \"\" using 5 title \"p99 @ 2.5 M/s\" lc rgb \"#e6550d\""
    echo "unset logscale y"
  fi
  if [[ " ${panels[*]} " == *" memory "* ]]; then
    echo "set yrange [0:*]; set title \"server RSS above idle per user, $users idle IRC users\"; set ylabel \"KB per user\"; set key off"
    echo "plot \"$DIR/memory.dat\" using 2:xtic(1) title \"KB/user\" lc rgb \"#31a354\", \"\" using 0:2:(sprintf(\"%.1f KB\", \$2)) with labels offset 0,0.8 notitle"
  fi
  echo "unset multiplot"
} | gnuplot
echo "$DIR/results.md, $DIR/compare.png"
