#!/usr/bin/env bash
# A local three-node Coffer cluster behind HAProxy, on loopback addresses:
#   node1 https://127.0.0.11:8200   node2 https://127.0.0.12:8200   node3 https://127.0.0.13:8200
#   cluster (Raft, mutual TLS) on port 8201 of each; HAProxy (tuned config) on https://127.0.0.1:8200
#
# usage: deploy/local/cluster.sh up|down|status|kill NODE|start NODE|unseal NODE     (NODE: node1|node2|node3)
#
# State (certificates, configs, data, logs, PIDs, the init keys and env file) lives in deploy/local/state/
# (git-ignored; override with COFFER_STATE_DIR). `down` stops only the processes this script started.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${COFFER_STATE_DIR:-$here/state}"
coffer="$root/bin/coffer"
jar="${COFFER_JAR:-$root/server/target/coffer.jar}"
nodes=(node1 node2 node3)
lb_host=127.0.0.1
lb_port=8200
wait_seconds="${COFFER_WAIT_SECONDS:-90}"

ip_of() { case "$1" in node1) echo 127.0.0.11 ;; node2) echo 127.0.0.12 ;; node3) echo 127.0.0.13 ;;
  *) echo "unknown node '$1' (use node1, node2 or node3)" >&2; exit 2 ;; esac; }
say() { printf '%s\n' "$*" >&2; }
die() { say "cluster.sh: $*"; exit 1; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

api() { # api NODE|lb METHOD PATH [BODY]: sets $http_status (000 when no answer) and $reply (the body)
  local target="$1" method="$2" path="$3" body="${4:-}" host
  if [ "$target" = lb ]; then host="$lb_host:$lb_port"; else host="$(ip_of "$target"):8200"; fi
  local args=(-sS --max-time 10 --cacert "$state/tls/rootCA.crt" -X "$method" -o "$state/.reply" -w '%{http_code}')
  [ -n "${token:-}" ] && args+=(-H "X-Vault-Token: $token")
  [ -n "$body" ] && args+=(--data "$body")
  rm -f "$state/.reply"
  http_status="$(curl "${args[@]}" "https://$host/v1/$path" 2>/dev/null || true)"
  [ -n "$http_status" ] || http_status=000
  reply="$(cat "$state/.reply" 2>/dev/null || true)"
}

field() { # field NODE PATH NAME: one JSON field of a GET
  api "$1" GET "$2"
  printf '%s' "$reply" | json_field "$3"
}

json_field() { grep -o "\"$1\":[^,}]*" | head -n1 | sed -e "s/\"$1\"://" -e 's/^"//' -e 's/"$//'; }

check_tools() {
  command -v java >/dev/null || die "java not found; install a Java 17 runtime (apt-get install openjdk-17-jre-headless)"
  command -v curl >/dev/null || die "curl not found; install it: apt-get install curl"
  command -v haproxy >/dev/null || die "haproxy not found; install it: apt-get install haproxy"
  [ -f "$jar" ] || die "$jar not found; build it first: (cd $root && mvn -B -DskipTests package)"
}

make_certs() {
  [ -f "$state/tls/rootCA.crt" ] && return 0
  mkdir -p "$state/tls"
  "$coffer" tls ca --dir "$state/tls" --key-type ec >/dev/null
  for n in "${nodes[@]}"; do
    "$coffer" tls cert "$n" "$(ip_of "$n")" --lb-host localhost --ip "$lb_host" --dir "$state/tls" \
      --key-type ec >/dev/null
  done
}

write_config() { # write_config NODE
  local n="$1" ip; ip="$(ip_of "$n")"
  mkdir -p "$state/$n/data" "$state/$n/logs"
  {
    echo "storage \"raft\" {"
    echo "  path    = \"$state/$n/data\""
    echo "  node_id = \"$n\""
    for other in "${nodes[@]}"; do
      [ "$other" = "$n" ] && continue
      echo "  retry_join {"
      echo "    leader_api_addr     = \"https://$(ip_of "$other"):8200\""
      echo "    leader_ca_cert_file = \"$state/tls/rootCA.crt\""
      echo "  }"
    done
    echo "}"
    echo
    echo "listener \"tcp\" {"
    echo "  address            = \"$ip:8200\""
    echo "  tls_cert_file      = \"$state/tls/$n.pem\""
    echo "  tls_key_file       = \"$state/tls/$n-key.pem\""
    echo "  tls_client_ca_file = \"$state/tls/rootCA.crt\""
    echo "}"
    echo
    echo "api_addr      = \"https://$ip:8200\""
    echo "cluster_addr  = \"https://$ip:8201\""
    echo "disable_mlock = true"
    echo "ui            = true"
    echo
    echo "telemetry {"
    echo "  prometheus_retention_time = \"30s\""
    echo "  disable_hostname          = true"
    echo "}"
  } > "$state/$n/config.hcl"
}

start_node() {
  local n="$1"
  pid_alive "$state/$n/pid" && { say "$n already running (pid $(cat "$state/$n/pid"))"; return 0; }
  [ -f "$state/$n/config.hcl" ] || write_config "$n"
  COFFER_JAVA_OPTS="${COFFER_NODE_JAVA_OPTS:--Xmx512m}" nohup "$coffer" server -config="$state/$n/config.hcl" \
    >> "$state/$n/logs/server.log" 2>&1 &
  echo $! > "$state/$n/pid"
  local deadline=$((SECONDS + wait_seconds))
  until api "$n" GET sys/seal-status && [ "$http_status" = 200 ]; do
    pid_alive "$state/$n/pid" || die "$n exited during start-up; see $state/$n/logs/server.log"
    [ $SECONDS -lt $deadline ] || die "$n did not answer within ${wait_seconds}s; see $state/$n/logs/server.log"
    sleep 0.3
  done
  say "$n started (pid $(cat "$state/$n/pid")) at https://$(ip_of "$n"):8200"
}

unseal_node() {
  local n="$1"
  [ -f "$state/init.keys" ] || die "no init keys in $state (run 'up' first)"
  for key in $(head -n 3 "$state/init.keys"); do
    api "$n" PUT sys/unseal "{\"key\":\"$key\"}"
    [ "$http_status" = 200 ] || die "unseal of $n failed ($http_status): $reply"
  done
  local deadline=$((SECONDS + wait_seconds))
  until [ "$(field "$n" sys/seal-status sealed)" = false ]; do
    [ $SECONDS -lt $deadline ] || die "$n is still sealed after ${wait_seconds}s; see $state/$n/logs/server.log"
    sleep 0.3
  done
  say "$n unsealed"
}

init_cluster() {
  [ -f "$state/init.json" ] && return 0
  api node1 PUT sys/init '{"secret_shares":5,"secret_threshold":3}'
  [ "$http_status" = 200 ] || die "init failed ($http_status): $reply"
  (umask 077; printf '%s\n' "$reply" > "$state/init.json"
   printf '%s\n' "$reply" | grep -o '"keys":\[[^]]*\]' | grep -o '[0-9a-f]\{66\}' > "$state/init.keys")
  say "node1 initialised (5 key shares, threshold 3); keys in $state/init.json"
}

start_haproxy() {
  pid_alive "$state/haproxy.pid" && return 0
  COFFER_LB_BIND="$lb_host:$lb_port" COFFER_NODE1=127.0.0.11:8200 COFFER_NODE2=127.0.0.12:8200 \
  COFFER_NODE3=127.0.0.13:8200 COFFER_CA_FILE="$state/tls/rootCA.crt" \
  COFFER_HEALTH_PATH="${COFFER_HEALTH_PATH:-/v1/sys/health}" \
    haproxy -D -p "$state/haproxy.pid" -f "$root/haproxy/haproxy-tuned.cfg" >> "$state/haproxy.log" 2>&1 \
    || die "haproxy failed to start; see $state/haproxy.log"
  say "haproxy listening on https://$lb_host:$lb_port"
}

cmd_up() {
  check_tools
  mkdir -p "$state"
  make_certs
  for n in "${nodes[@]}"; do write_config "$n"; done
  start_node node1
  init_cluster
  token="$(json_field root_token < "$state/init.json")"
  unseal_node node1
  for n in node2 node3; do start_node "$n"; done
  for n in node2 node3; do wait_joined "$n"; unseal_node "$n"; done
  enable_secret_mount
  start_haproxy
  wait_lb
  write_env
  cmd_status
  cat "$state/env"
}

wait_joined() { # a retry_join node reports initialized (the leader's seal config) once it got a challenge
  local n="$1" deadline=$((SECONDS + wait_seconds))
  until [ "$(field "$n" sys/seal-status initialized)" = true ]; do
    [ $SECONDS -lt $deadline ] || die "$n did not join within ${wait_seconds}s; see $state/$n/logs/server.log"
    sleep 0.3
  done
}

enable_secret_mount() { # the guide's `vault kv get secret/test` expects a KV v2 engine at secret/
  api node1 GET sys/mounts
  case "$reply" in *'"secret/"'*) return 0 ;; esac
  api node1 POST sys/mounts/secret '{"type":"kv-v2","description":"key/value secret storage"}'
  [ "$http_status" = 204 ] || die "enabling secret/ failed ($http_status): $reply"
  say "secret/ mounted as KV v2"
}

wait_lb() {
  local deadline=$((SECONDS + wait_seconds))
  until api lb GET sys/health && [ "$http_status" = 200 ]; do
    [ $SECONDS -lt $deadline ] || die "HAProxy has no healthy active node after ${wait_seconds}s"
    sleep 0.3
  done
}

write_env() {
  (umask 077; {
    echo "export VAULT_ADDR=https://$lb_host:$lb_port"
    echo "export VAULT_CACERT=$state/tls/rootCA.crt"
    echo "export VAULT_TOKEN=$token"
  } > "$state/env")
  say "environment written to $state/env (source it: . $state/env)"
}

cmd_status() {
  local n ip pid sealed leader
  for n in "${nodes[@]}"; do
    ip="$(ip_of "$n")"; pid="-"; sealed="down"; leader="-"
    if pid_alive "$state/$n/pid"; then
      pid="$(cat "$state/$n/pid")"
      sealed="$(field "$n" sys/seal-status sealed)"
      [ "$sealed" = false ] && sealed=unsealed || sealed=sealed
      api "$n" GET sys/health
      case "$http_status" in 200) leader=leader ;; 429) leader=follower ;; *) leader="-" ;; esac
    fi
    printf '%-6s https://%s:8200  pid=%-8s %-9s %s\n' "$n" "$ip" "$pid" "$sealed" "$leader"
  done
  if pid_alive "$state/haproxy.pid"; then
    printf 'haproxy https://%s:%s  pid=%s\n' "$lb_host" "$lb_port" "$(cat "$state/haproxy.pid")"
  else
    printf 'haproxy down\n'
  fi
}

cmd_down() {
  local f
  for f in "$state"/node*/pid "$state/haproxy.pid"; do
    [ -f "$f" ] || continue
    if pid_alive "$f"; then kill "$(cat "$f")" 2>/dev/null || true; fi
  done
  for f in "$state"/node*/pid "$state/haproxy.pid"; do
    [ -f "$f" ] || continue
    local deadline=$((SECONDS + 30))
    while pid_alive "$f" && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    pid_alive "$f" && kill -9 "$(cat "$f")" 2>/dev/null || true
    rm -f "$f"
  done
  say "stopped"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  kill) [ -n "${2:-}" ] || die "usage: cluster.sh kill NODE"; ip_of "$2" >/dev/null
        pid_alive "$state/$2/pid" && kill -9 "$(cat "$state/$2/pid")" && rm -f "$state/$2/pid"; say "$2 killed" ;;
  start) [ -n "${2:-}" ] || die "usage: cluster.sh start NODE"; check_tools; start_node "$2" ;;
  unseal) [ -n "${2:-}" ] || die "usage: cluster.sh unseal NODE"; unseal_node "$2" ;;
  *) say "usage: $0 up|down|status|kill NODE|start NODE|unseal NODE"; exit 2 ;;
esac
