#!/usr/bin/env bash
# Reproduce every capture under samples/raw/ by running real Redis servers and real clients
# and breaking them on purpose. Not run by CI. Needs root (netns, /etc/hosts).
#
#   samples/capture/run_all.sh setup            # apt + npm + pip installs, netns, /etc/hosts, TLS certs
#   samples/capture/run_all.sh all              # every scenario
#   samples/capture/run_all.sh app-healthy ...  # only these scenarios (names = functions below, sc_ stripped)
#
# Output: samples/raw/<client>/<scenario>.log = stdout+stderr of the client, byte for byte
# (cut to the first $KEEP lines when a retry loop runs on; the cut is recorded in samples/raw/MANIFEST.tsv).
# Server logs of the broken redis-server go to samples/raw/redis-server/<scenario>.log.
#
# Network: only loopback and two namespaces made here:
#   rtest  10.0.3.7  nothing listens -> "connection refused" from a remote address
#   rblack 10.0.4.8  no route back   -> SYNs are never answered (connect timeout)
# /etc/hosts maps Render-style internal hostnames:
#   red-d1abc2def3ghi4jkl5mn -> 127.0.0.1 (the live "Key Value", a local redis-server on :6379)
#   red-d0cjkelq67qs70c2rfsd -> 10.0.3.7  (refuses)
#   red-d0cjkelq67qs70c2tmot -> 10.0.4.8  (black hole)
#   red-d0cjkelq67qs70c2nxdm    (no entry: DNS failure)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
SAMPLES=$(cd "$HERE/.." && pwd)
RAW=${RAW:-$SAMPLES/raw}
WORK=${WORK:-/work/capture}                  # scratch: TLS certs, redis data dirs
APP_DIR=${APP_DIR:-/opt/render/project/src}  # Render's checkout path, so stack traces look like Render's
PY=${PY:-$APP_DIR/.venv/bin/python}
KEEP=${KEEP:-40}
LIVE=red-d1abc2def3ghi4jkl5mn
REFUSE=red-d0cjkelq67qs70c2rfsd
BLACK=red-d0cjkelq67qs70c2tmot
NXDOMAIN=red-d0cjkelq67qs70c2nxdm
PASS=s3cretpassw0rd
export NODE_ENV=production PORT=10000
mkdir -p "$RAW" "$WORK"

REDIS_PID=
log() { echo "[run_all] $*" >&2; }

setup() {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server redis-tools ruby ruby-redis ruby-sidekiq iproute2 openssl curl \
    golang-go golang-gopkg-redis.v5-dev
  mkdir -p "$APP_DIR" "$APP_DIR/worker"
  cp "$HERE/node-app/server.js" "$HERE/node-app/package.json" "$HERE/node-app/package-lock.json" "$APP_DIR/"
  (cd "$APP_DIR" && npm ci --no-audit --no-fund)
  mkdir -p "$APP_DIR/redis5-app"
  cp "$HERE/node-app/server.js" "$HERE/node-app-redis5/package.json" "$HERE/node-app-redis5/package-lock.json" "$APP_DIR/redis5-app/"
  (cd "$APP_DIR/redis5-app" && npm ci --no-audit --no-fund)
  cp "$HERE"/node-clients/*.js "$HERE/node-clients/package.json" "$HERE/node-clients/package-lock.json" "$APP_DIR/worker/"
  cp "$HERE/node-clients/node-redis-nolistener.js" "$APP_DIR/"   # uses the app's redis@4.7.1
  (cd "$APP_DIR/worker" && npm ci --no-audit --no-fund)
  python3 -m venv "$APP_DIR/.venv" && "$APP_DIR/.venv/bin/pip" install -q -r "$HERE/python/requirements.txt"
  cp "$HERE"/python/*.py "$APP_DIR/"
  cp -r "$HERE/ruby" "$APP_DIR/"
  net_setup
  tls_setup
}

net_setup() {
  if ! ip netns list | grep -q '^rtest'; then
    ip netns add rtest
    ip link add veth-h type veth peer name veth-n
    ip link set veth-n netns rtest
    ip addr add 10.0.3.1/24 dev veth-h; ip link set veth-h up
    ip netns exec rtest ip addr add 10.0.3.7/24 dev veth-n
    ip netns exec rtest ip link set veth-n up
    ip netns exec rtest ip link set lo up
  fi
  if ! ip netns list | grep -q '^rblack'; then
    ip netns add rblack
    ip link add vb-h type veth peer name vb-n
    ip link set vb-n netns rblack
    ip addr add 10.0.4.1/24 dev vb-h; ip link set vb-h up
    ip netns exec rblack ip addr add 10.0.4.8/32 dev vb-n   # /32 and no route: replies go nowhere
    ip netns exec rblack ip link set vb-n up
  fi
  grep -q "$LIVE" /etc/hosts || cat >> /etc/hosts <<EOF
# rla samples/capture
127.0.0.1 $LIVE
10.0.3.7 $REFUSE
10.0.4.8 $BLACK
EOF
}

tls_setup() {
  local d=$WORK/tls; mkdir -p "$d"; cd "$d" || return
  [ -f server.crt ] && return
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=rla-test-ca" -keyout ca.key -out ca.crt 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$LIVE" -keyout server.key -out server.csr 2>/dev/null
  printf 'subjectAltName=DNS:%s,DNS:localhost,IP:127.0.0.1\n' "$LIVE" > san.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 -extfile san.ext -out server.crt 2>/dev/null
}

# dual-stack localhost (::1 localhost) as in most Docker/Debian images, or IPv4 only
hosts_localhost6() {
  if [ "$1" = on ]; then grep -q '^::1 localhost' /etc/hosts || sed -i '1a ::1 localhost ip6-localhost ip6-loopback' /etc/hosts
  else sed -i '/^::1 localhost/d' /etc/hosts; fi
}

# start_redis NAME [redis-server args...]  — always on loopback
start_redis() {
  local name=$1; shift
  mkdir -p "$RAW/redis-server" "$WORK/data/$name"
  redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --dir "$WORK/data/$name" \
    --logfile "$WORK/data/$name/server.log" "$@" &
  REDIS_PID=$!
  sleep 0.7
}
stop_redis() {
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
  REDIS_PID=
}
keep_server_log() { cp "$WORK/data/$1/server.log" "$RAW/redis-server/$1.log"; }

# capture CLIENT SCENARIO SECONDS CMD...  — run CMD with a time limit, stdout+stderr -> raw file
capture() {
  local client=$1 scen=$2 secs=$3; shift 3
  mkdir -p "$RAW/$client"
  local out=$RAW/$client/$scen.log full=$WORK/full-$client-$scen.log
  timeout -k 10 -s INT "$secs" "$@" > "$full" 2>&1   # -k: a worker stuck in a TLS handshake ignores SIGINT
  local rc=$?
  finish_capture "$client" "$scen" "$rc" "$full"
}
finish_capture() {
  local client=$1 scen=$2 rc=$3 full=$4 out=$RAW/$1/$2.log keep=${5:-$KEEP}
  local n; n=$(wc -l < "$full")
  if [ "$n" -gt "$keep" ]; then head -n "$keep" "$full" > "$out"; else cp "$full" "$out"; fi
  [ -f "$RAW/MANIFEST.tsv" ] || printf 'file\texit\tlines_printed\tlines_kept\n' > "$RAW/MANIFEST.tsv"
  sed -i "\#^$client/$scen.log\t#d" "$RAW/MANIFEST.tsv"
  printf '%s/%s.log\t%s\t%s\t%s\n' "$client" "$scen" "$rc" "$n" "$(wc -l < "$out")" >> "$RAW/MANIFEST.tsv"
  log "$client/$scen rc=$rc lines=$n"
}

# app SCENARIO SECONDS [env...] — the note's app in the background, with some HTTP traffic
APP_PID=
app_start() {
  local scen=$1; shift
  mkdir -p "$RAW/${APP_CLIENT:-node-app}"
  (cd "${APP_RUN_DIR:-$APP_DIR}" && exec env "$@" node server.js) > "$WORK/full-${APP_CLIENT:-node-app}-$scen.log" 2>&1 &
  APP_PID=$!
}
app_wait_port() { for _ in $(seq 1 ${1:-80}); do curl -s -o /dev/null localhost:$PORT/api/health && return 0; sleep 0.5; done; return 1; }
traffic() {
  local jar=$WORK/cookies.txt; rm -f "$jar"
  curl -s -o /dev/null localhost:$PORT/api/health
  curl -s -o /dev/null -c "$jar" -X POST localhost:$PORT/api/login
  curl -s -o /dev/null -b "$jar" localhost:$PORT/api/files
  curl -s -o /dev/null -b "$jar" localhost:$PORT/api/files
  curl -s -o /dev/null localhost:$PORT/api/health
}
app_stop() {
  local scen=$1
  kill -INT "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; local rc=$?
  finish_capture "${APP_CLIENT:-node-app}" "$scen" "$rc" "$WORK/full-${APP_CLIENT:-node-app}-$scen.log" 200  # bounded retries: keep all
  APP_PID=
}
# a run where the app starts, the test settles, traffic flows, then we stop
app_run() {  # app_run SCENARIO WAIT_SECONDS env...
  local scen=$1 wait=$2; shift 2
  app_start "$scen" "$@"
  app_wait_port $((wait * 2)) && traffic
  sleep 1
  app_stop "$scen"
}

# ---------------------------------------------------------------- A: the note's app (node-redis 4)
sc_app_healthy()        { start_redis app-healthy; app_run healthy 10 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_app_url_unset()      { hosts_localhost6 off; app_run url-unset 20 -u REDIS_URL; }
sc_app_url_unset_dualstack() { hosts_localhost6 on; app_run url-unset-dualstack 20 -u REDIS_URL; hosts_localhost6 off; }
sc_app_url_empty()      { hosts_localhost6 off; app_run url-empty 20 REDIS_URL=; }
sc_app_refused_remote() { app_run refused-remote 20 REDIS_URL=redis://$REFUSE:6379; }
sc_app_dns()            { app_run dns-enotfound 30 REDIS_URL=redis://$NXDOMAIN:6379; }
sc_app_timeout()        { app_run connect-timeout 60 REDIS_URL=redis://$BLACK:6379; }
sc_app_url_trailing_space()   { start_redis app-url-space; app_run url-trailing-space 10 "REDIS_URL=redis://$LIVE:6379 "; stop_redis; }
sc_app_url_trailing_newline() { start_redis app-url-nl; app_run url-trailing-newline 10 "REDIS_URL=redis://$LIVE:6379
"; stop_redis; }
sc_app_url_inner_space()      { start_redis app-url-inner; app_run url-inner-space 10 "REDIS_URL=redis:// $LIVE:6379"; stop_redis; }
sc_app_url_typo_scheme()      { start_redis app-url-typo; app_run url-reddis-scheme 10 REDIS_URL=reddis://$LIVE:6379; stop_redis; }
sc_app_url_http()             { start_redis app-url-http; app_run url-http-scheme 10 REDIS_URL=http://$LIVE:6379; stop_redis; }
sc_app_url_no_scheme()        { start_redis app-url-noscheme; app_run url-no-scheme 10 REDIS_URL=$LIVE:6379; stop_redis; }
sc_app_url_bad_password_chars() { start_redis app-url-pwchars --requirepass 'p@ss#w0rd'; app_run url-unencoded-password 10 "REDIS_URL=redis://default:p@ss#w0rd@$LIVE:6379"; stop_redis; }
sc_app_wrongpass()      { start_redis app-wrongpass --requirepass $PASS; app_run wrongpass 20 REDIS_URL=redis://default:wr0ngpassw0rd@$LIVE:6379; stop_redis; }
sc_app_noauth()         { start_redis app-noauth --requirepass $PASS; app_run noauth 20 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_app_pass_to_noauth() { start_redis app-pass-noauth; app_run password-to-noauth-server 20 REDIS_URL=redis://:$PASS@$LIVE:6379; stop_redis; }
sc_app_tls_to_plain()   { start_redis app-tls-to-plain; app_run rediss-to-plaintext 40 REDIS_URL=rediss://$LIVE:6379; stop_redis; }
sc_app_plain_to_tls()   {
  start_redis app-plain-to-tls --port 0 --tls-port 6379 --tls-cert-file "$WORK/tls/server.crt" --tls-key-file "$WORK/tls/server.key" --tls-ca-cert-file "$WORK/tls/ca.crt" --tls-auth-clients no
  app_run redis-to-tls-port 40 REDIS_URL=redis://$LIVE:6379; stop_redis; keep_server_log app-plain-to-tls; }
sc_app_tls_selfsigned() {
  start_redis app-tls-selfsigned --port 0 --tls-port 6379 --tls-cert-file "$WORK/tls/server.crt" --tls-key-file "$WORK/tls/server.key" --tls-ca-cert-file "$WORK/tls/ca.crt" --tls-auth-clients no
  app_run rediss-untrusted-cert 20 REDIS_URL=rediss://$LIVE:6379; stop_redis; keep_server_log app-tls-selfsigned; }
sc_app_recovery() {
  app_start recovery REDIS_URL=redis://$LIVE:6379 REDIS_MAX_RETRIES=8
  sleep 2.5; start_redis app-recovery
  app_wait_port 20 && traffic; sleep 1; app_stop recovery; stop_redis; }
sc_app_degraded() {
  app_start degraded REDIS_URL=redis://$REFUSE:6379
  app_wait_port 30 && { traffic; traffic; }; sleep 1; app_stop degraded; }
sc_app_runtime_drop() {
  start_redis app-runtime-drop
  app_start runtime-drop REDIS_URL=redis://$LIVE:6379
  app_wait_port 20 && traffic
  redis-cli -p 6379 shutdown nosave >/dev/null 2>&1; REDIS_PID=
  sleep 4; traffic; sleep 1; app_stop runtime-drop; }
sc_app_oom() {
  start_redis app-oom --maxmemory 4mb --maxmemory-policy noeviction --enable-debug-command local
  app_start oom REDIS_URL=redis://$LIVE:6379
  app_wait_port 20 && traffic
  redis-cli -p 6379 debug populate 30000 cachefill 100 >/dev/null   # the instance fills up (DEBUG POPULATE ignores maxmemory)
  local big; big=$(head -c 700000 /dev/zero | tr '\0' a)
  for _ in 1 2 3 4; do printf '{"data":"%s"}' "$big" | curl -s -o /dev/null -H 'content-type: application/json' --data-binary @- localhost:$PORT/api/upload; done
  traffic; sleep 1; app_stop oom; stop_redis; }
sc_app_legacy_ping() { start_redis app-legacy; app_run legacy-mode-ping 10 REDIS_URL=redis://$LIVE:6379 REDIS_LEGACY_MODE=1; stop_redis; }

A_SCENARIOS="app_healthy app_url_unset app_url_unset_dualstack app_url_empty app_refused_remote app_dns app_timeout
 app_url_trailing_space app_url_trailing_newline app_url_inner_space app_url_typo_scheme app_url_http app_url_no_scheme
 app_url_bad_password_chars app_wrongpass app_noauth app_pass_to_noauth app_tls_to_plain app_plain_to_tls app_tls_selfsigned
 app_recovery app_degraded app_runtime_drop app_oom app_legacy_ping"

# ---------------------------------------------------------------- B: other clients
B_SCENARIOS=""
[ -f "$HERE/scenarios_b.sh" ] && . "$HERE/scenarios_b.sh"
# ---------------------------------------------------------------- M: the wider matrix (issue 13), into samples/matrix/raw
M_SCENARIOS=""
[ -f "$HERE/scenarios_m.sh" ] && . "$HERE/scenarios_m.sh"

cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; stop_redis; }
trap cleanup EXIT

case "${1:-}" in
  setup) setup ;;
  net) net_setup; tls_setup ;;
  all) net_setup; tls_setup; for s in $A_SCENARIOS $B_SCENARIOS; do "sc_$s"; done ;;
  A) net_setup; tls_setup; for s in $A_SCENARIOS; do "sc_$s"; done ;;
  B) net_setup; tls_setup; for s in $B_SCENARIOS; do "sc_$s"; done ;;
  M) RAW=$SAMPLES/matrix/raw; net_setup; tls_setup; for s in $M_SCENARIOS; do "sc_$s"; done ;;
  "") echo "usage: $0 setup|net|all|A|B|<scenario>..." >&2; exit 2 ;;
  *) for s in "$@"; do case $s in m_*|m-*) RAW=$SAMPLES/matrix/raw ;; esac; "sc_${s//-/_}"; done ;;
esac
