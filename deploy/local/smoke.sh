#!/usr/bin/env bash
# CI smoke of the whole deployment: cluster.sh up (three nodes + HAProxy), a 5-second throughput run through
# HAProxy, one leader kill -9 failover round, then down. Needs the jars built (mvn package/verify).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$root"
export COFFER_STATE_DIR="${COFFER_STATE_DIR:-$root/deploy/local/state-smoke}"
rm -rf "$COFFER_STATE_DIR"
trap 'deploy/local/cluster.sh down || true' EXIT
deploy/local/cluster.sh up
# shellcheck disable=SC1091
. "$COFFER_STATE_DIR/env"
mkdir -p target
bin/coffer kv put secret/test foo=bar
bin/coffer-bench throughput --mode put --connections 8 --duration 5 --warmup 2 --out target/smoke-throughput.json
bin/coffer-bench failover --rounds 1 --settle-s 2 --launcher deploy/local/cluster.sh \
  --out target/smoke-failover.json --plot target/smoke-failover.png
bin/coffer kv get secret/test

# The guide's "Testing Failover" through HAProxy: with the leader down, `status` keeps answering on the load
# balancer's address; with a follower down, `kv get secret/test` still works.
leader="$(deploy/local/cluster.sh status | awk '$NF == "leader" {print $1}')"
[ -n "$leader" ] || { echo "smoke: no leader" >&2; exit 1; }
deploy/local/cluster.sh kill "$leader"
deadline=$((SECONDS + 30))
until bin/coffer status >/dev/null; do
  [ $SECONDS -lt $deadline ] || { echo "smoke: status through HAProxy failed with the leader down" >&2; exit 1; }
  sleep 0.2
done
bin/coffer status
deploy/local/cluster.sh start "$leader"
deploy/local/cluster.sh unseal "$leader"
follower="$(deploy/local/cluster.sh status | awk '$NF == "follower" {print $1; exit}')"
deploy/local/cluster.sh kill "$follower"
test "$(bin/coffer kv get -field=foo secret/test)" = bar
deploy/local/cluster.sh status
