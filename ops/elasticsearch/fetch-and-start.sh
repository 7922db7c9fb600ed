#!/usr/bin/env bash
# Starts one throwaway Elasticsearch node on loopback for tests and prints its URL on stdout.
#   ops/elasticsearch/fetch-and-start.sh          fetch (once), start (or reuse a running node), wait for green
#   ops/elasticsearch/fetch-and-start.sh stop     stop the node this script started and delete its data
# The node is Elastic's integ-test-zip from Maven Central (no bundled JDK; 8.x runs on Java 17), cached outside
# the repository. Its data and logs live in a temporary directory removed on stop.
set -euo pipefail

ES_VERSION="${VIGIL_ES_VERSION:-8.19.2}" # major must match @elastic/elasticsearch in package.json
# As root the node runs as another user, who cannot read root's home: cache under /var/cache then.
if [ "$(id -u)" -eq 0 ]; then DEFAULT_CACHE=/var/cache/vigil-elasticsearch; else DEFAULT_CACHE="$HOME/.cache/vigil-elasticsearch"; fi
CACHE="${VIGIL_ES_CACHE:-$DEFAULT_CACHE}"
HOME_DIR="$CACHE/elasticsearch-$ES_VERSION"
STATE="$CACHE/node.env" # PID, URL and RUN_DIR of the running node
RUN_USER="${VIGIL_ES_USER:-vigil-es}" # Elasticsearch refuses to run as root
WAIT_SECONDS="${VIGIL_ES_WAIT_SECONDS:-120}"

log() { printf '%s\n' "$*" >&2; }

node_alive() { [ -n "${PID:-}" ] && kill -0 "$PID" 2>/dev/null; }

green() { curl -fsS "$URL/_cluster/health?wait_for_status=green&timeout=1s" >/dev/null 2>&1; }

stop_node() {
  [ -f "$STATE" ] || { log "no node recorded in $STATE"; return 0; }
  # shellcheck disable=SC1090 # written by this script
  . "$STATE"
  if node_alive; then
    kill "$PID"
    for _ in $(seq 1 30); do node_alive || break; sleep 1; done
    node_alive && kill -9 "$PID"
  fi
  rm -rf "$RUN_DIR" "$STATE"
  log "stopped Elasticsearch at $URL"
}

fetch() {
  [ -x "$HOME_DIR/bin/elasticsearch" ] && return 0
  mkdir -p "$CACHE"
  log "fetching org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
  mvn -q -B -Dstyle.color=never dependency:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$CACHE" >&2
  unzip -q -o "$CACHE/elasticsearch-$ES_VERSION.zip" -d "$CACHE"
  rm -f "$CACHE/elasticsearch-$ES_VERSION.zip"
}

free_port() {
  local port=${VIGIL_ES_PORT:-9200}
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

java_home() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

# As root: run the node as an unprivileged system user, created on first use.
as_run_user() {
  if [ "$(id -u)" -ne 0 ]; then "$@"; return; fi
  id "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
  runuser -u "$RUN_USER" -- "$@"
}

start_node() {
  if [ -f "$STATE" ]; then
    # shellcheck disable=SC1090 # written by this script
    . "$STATE"
    if node_alive && green; then
      log "reusing Elasticsearch at $URL (pid $PID)"
      echo "$URL"
      return 0
    fi
    stop_node
  fi
  fetch
  local port
  port=$(free_port)
  RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/vigil-es.XXXXXX")
  URL="http://127.0.0.1:$port"
  # A private config copy: the node writes its keystore there, and the cached distribution stays read-only.
  cp -r "$HOME_DIR/config" "$RUN_DIR/config"
  mkdir -p "$RUN_DIR/data" "$RUN_DIR/logs"
  # jvm.options puts the GC log, heap dumps and crash files under the distribution, which stays read-only.
  sed -i -e "s|=data\$|=$RUN_DIR/data|" -e "s|logs/|$RUN_DIR/logs/|g" "$RUN_DIR/config/jvm.options"
  cat >>"$RUN_DIR/config/elasticsearch.yml" <<EOF
cluster.name: vigil-test
node.name: vigil-test-1
network.host: 127.0.0.1
http.port: $port
transport.port: 0
discovery.type: single-node
path.data: $RUN_DIR/data
path.logs: $RUN_DIR/logs
xpack.security.enabled: false
action.destructive_requires_name: false
EOF
  if [ "$(id -u)" -eq 0 ]; then
    as_run_user true # creates the user
    chown -R "$RUN_USER" "$RUN_DIR"
    chmod -R a+rX "$CACHE"
  fi
  as_run_user env ES_JAVA_HOME="$(java_home)" ES_PATH_CONF="$RUN_DIR/config" ES_JAVA_OPTS="-Xms512m -Xmx512m" \
    "$HOME_DIR/bin/elasticsearch" -d -p "$RUN_DIR/es.pid" >"$RUN_DIR/logs/launcher.out" 2>&1 || {
    log "Elasticsearch did not start:"; tail -n 40 "$RUN_DIR/logs/launcher.out" >&2; rm -rf "$RUN_DIR"; exit 1; }
  PID=$(cat "$RUN_DIR/es.pid")
  printf 'PID=%s\nURL=%s\nRUN_DIR=%s\n' "$PID" "$URL" "$RUN_DIR" >"$STATE"
  local waited=0
  until green; do
    if ! node_alive || ((waited >= WAIT_SECONDS)); then
      log "Elasticsearch not green at $URL after ${waited}s; last lines of its log:"
      tail -n 40 "$RUN_DIR/logs/vigil-test.log" >&2 2>/dev/null || tail -n 40 "$RUN_DIR/logs/launcher.out" >&2
      stop_node
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "Elasticsearch $ES_VERSION green at $URL after ${waited}s (pid $PID, data in $RUN_DIR)"
  echo "$URL"
}

case "${1:-start}" in
  start) start_node ;;
  stop) stop_node ;;
  *) log "usage: $0 [start|stop]"; exit 2 ;;
esac
