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
deploy/local/cluster.sh status
