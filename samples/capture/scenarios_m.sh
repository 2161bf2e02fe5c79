# M scenarios (issue 13): the wider matrix. Sourced by run_all.sh (uses its helpers and variables);
# `run_all.sh M` runs them all, raw output goes to samples/matrix/raw/<client>/<scenario>.log.
#
# Two address shapes:
#   remote    the Key Value is red-d0cjkelq67qs70c2kvup = 10.0.5.9 in namespace rkv (made by recapture_kv.sh:
#             on its own lo, its own /etc/netns/rkv/hosts); the client runs in rkv too, where nothing listens
#             on 127.0.0.1 (as in a Render container), so a URL a client fails to read shows as a refusal
#             on its default 127.0.0.1:6379 while a URL it reads reaches 10.0.5.9.
#   loopback  the Key Value is red-d1abc2def3ghi4jkl5mn = 127.0.0.1 on the host (as in A and B).
# Non-Redis failures in the same logs (mixed-*): PostgreSQL on DATABASE_URL where nothing listens
# (localhost:5432, or 10.0.3.7:5432 which refuses), and HTTP APIs whose host does not resolve
# (api.stripe.com, hooks.slack.com: the sandbox resolver answers NXDOMAIN for every outside name).
KV=red-d0cjkelq67qs70c2kvup; KV_IP=10.0.5.9
MW=$APP_DIR/mixed
NS=()   # the namespace prefix for the next client run: (ip netns exec rkv) for the remote shape
kv_net() {
  ip netns list | grep -q '^rkv' || { ip netns add rkv; ip netns exec rkv ip link set lo up; ip netns exec rkv ip addr add $KV_IP/32 dev lo; }
  mkdir -p /etc/netns/rkv; printf '127.0.0.1 localhost\n%s %s\n' "$KV_IP" "$KV" > /etc/netns/rkv/hosts
}
# kv_redis NAME [args...]: the remote Key Value, in rkv, on 10.0.5.9:6379
kv_redis() {
  local name=$1; shift; kv_net; mkdir -p "$WORK/data/$name"
  ip netns exec rkv redis-server --bind $KV_IP --port 6379 --protected-mode no --save '' --appendonly no \
    --dir "$WORK/data/$name" --logfile "$WORK/data/$name/server.log" "$@" &
  REDIS_PID=$!; sleep 0.7
}
kv_cli() { ip netns exec rkv redis-cli -h $KV_IP -p 6379 "$@"; }
mixed_setup() {
  mkdir -p "$MW"; cp "$HERE"/mixed/mixed-worker.js "$HERE"/mixed/mixed_worker.py "$HERE"/mixed/mixed_worker.rb "$MW/"
  [ -x "$MW/mixedgo" ] || { cp "$HERE/mixed/main.go" "$MW/"; (cd "$MW" && GO111MODULE=off GOPATH=/usr/share/gocode go build -o mixedgo main.go); }
}

# one runner per client: mrun CLIENT SCENARIO SECONDS env... (NS=(ip netns exec rkv) for the remote shape)
m_ior() { KEEP=200 capture ioredis "$1" "$2" "${NS[@]}" env -C "$W" "${@:3}" node ioredis-worker.js; }
m_nrc() { KEEP=200 capture node-redis-nolistener "$1" "$2" "${NS[@]}" env -C "$APP_DIR" "${@:3}" node node-redis-nolistener.js; }
m_rpy() { KEEP=200 capture redis-py "$1" "$2" "${NS[@]}" env -C "$APP_DIR" "${@:3}" "$PY" redis_ping.py; }
m_cel() { KEEP=200 capture celery "$1" "$2" "${NS[@]}" env -C "$APP_DIR" "${@:3}" "$APP_DIR/.venv/bin/celery" -A tasks worker --loglevel=INFO --concurrency=1 --without-gossip --without-mingle; }
m_rqw() { local url=$3; KEEP=200 capture rq "$1" "$2" "${NS[@]}" env -C "$APP_DIR" "${@:4}" "$APP_DIR/.venv/bin/rq" worker --url "$url"; }
m_rb()  { KEEP=200 capture redis-rb "$1" "$2" "${NS[@]}" env -C "$APP_DIR" "${@:3}" ruby ruby/redis_ping.rb; }
m_skq() { KEEP=200 capture sidekiq "$1" "$2" "${NS[@]}" env -C "$APP_DIR" "${@:3}" sidekiq -r ./ruby/sidekiq_worker.rb -c 1; }
m_gor() { go_build; KEEP=200 capture go-redis "$1" "$2" "${NS[@]}" env -C "$APP_DIR" "${@:3}" "$GO_BIN"; }
m_dj() {  # m_dj SCENARIO env...: gunicorn + two requests, in the namespace of NS
  local scen=$1; shift; mkdir -p "$RAW/django-redis"
  ("${NS[@]}" env -C "$APP_DIR" "$@" "$APP_DIR/.venv/bin/gunicorn" djapp:application --bind 127.0.0.1:$PORT --workers 1 --pid "$WORK/gunicorn.pid" > "$WORK/full-django-$scen.log" 2>&1) &
  local p=$!
  for _ in $(seq 1 40); do "${NS[@]}" curl -s -o /dev/null localhost:$PORT/api/health && break; sleep 0.3; done
  local path  # local: a caller's $u must survive (bash variables are dynamically scoped)
  for path in /api/files /api/files /api/orders; do "${NS[@]}" curl -s -o /dev/null localhost:$PORT$path; sleep 0.5; done; sleep 1
  local i  # DJ_ROUNDS more requests, DJ_GAP s apart (a bounce happens meanwhile)
  for i in $(seq 1 "${DJ_ROUNDS:-0}"); do sleep "${DJ_GAP:-2}"; "${NS[@]}" curl -s -o /dev/null localhost:$PORT/api/files; done
  kill -INT "$(cat "$WORK/gunicorn.pid")" 2>/dev/null; wait "$p"; local rc=$?
  finish_capture django-redis "$scen" "$rc" "$WORK/full-django-$scen.log" 200; }
m_app() {  # the note's app on node-redis 5 (M_APP=node-app: on node-redis 4), in the namespace of NS: m_app SCENARIO WAIT env...
  local scen=$1 wait=$2 client=${M_APP:-node-app-redis5} dir=$APP_DIR/redis5-app; shift 2; mkdir -p "$RAW/$client"
  [ "$client" = node-app ] && dir=$APP_DIR
  ("${NS[@]}" env -C "$dir" "$@" node server.js) > "$WORK/full-$client-$scen.log" 2>&1 & APP_PID=$!
  for _ in $(seq 1 $((wait * 2))); do "${NS[@]}" curl -s -o /dev/null localhost:$PORT/api/health && break; sleep 0.5; done
  local path  # local: a caller's $u must survive
  for path in /api/health /api/files /api/files; do "${NS[@]}" curl -s -o /dev/null localhost:$PORT$path; done; sleep 1
  if [ -n "${APP_HOLD:-}" ]; then  # keep serving: more traffic after APP_HOLD seconds (a bounce happens meanwhile)
    sleep "$APP_HOLD"; for path in /api/health /api/files /api/files; do "${NS[@]}" curl -s -o /dev/null localhost:$PORT$path; done; sleep 1
  fi
  kill -INT "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; local rc=$?; APP_PID=
  finish_capture "$client" "$scen" "$rc" "$WORK/full-$client-$scen.log" 200; }

# ---- URL mistakes, every client, remote shape (the Key Value up on 10.0.5.9 throughout)
URL_CASES=(
  "url-empty|"
  "url-space-around| redis://$KV:6379 "
  "url-space-inside|redis://$KV :6379"
  "url-one-slash|redis:/$KV:6379"
  "url-no-colon|redis//$KV:6379"
  "url-reddis-scheme|reddis://$KV:6379"
  "url-http-scheme|http://$KV:6379"
  "url-port-too-big|redis://$KV:63799999"
  "url-port-not-number|redis://$KV:abc"
  "url-no-host|redis://:6379"
)
sc_m_urls() {  # M_URL_CLIENTS: only these runners (default: all ten)
  kv_redis m-urls; NS=(ip netns exec rkv)
  local c name url r
  for c in "${URL_CASES[@]}"; do
    name=${c%%|*}; url=${c#*|}
    for r in ${M_URL_CLIENTS:-m_ior m_nrc m_app m_rpy m_cel m_rqw m_dj m_rb m_skq m_gor}; do
      case $r in
        m_rqw) m_rqw "$name" 7 "$url" ;;
        m_dj)  m_dj "$name" "REDIS_URL=$url" ;;
        m_app) m_app "$name" 12 "REDIS_URL=$url" ;;
        m_cel) m_cel "$name" 9 "REDIS_URL=$url" ;;
        *)     "$r" "$name" 8 "REDIS_URL=$url" ;;
      esac
    done
  done
  NS=(); stop_redis; }

# ---- the server killed mid-run, then back (recovery); remote and loopback shapes
# bounce DOWN UP remote|loopback NAME: in the background, stop the server (SHUTDOWN NOSAVE) at DOWN s, start it again at UP s
bounce() {
  ( sleep "$1"; if [ "$3" = remote ]; then kv_cli shutdown nosave >/dev/null 2>&1; else redis-cli -p 6379 shutdown nosave >/dev/null 2>&1; fi
    sleep "$(echo "$2 - $1" | bc)"
    if [ "$3" = remote ]; then ip netns exec rkv redis-server --bind $KV_IP --port 6379 --protected-mode no --save '' --dir "$WORK/data/$4" --logfile "$WORK/data/$4/server2.log" &
    else redis-server --bind 127.0.0.1 --port 6379 --save '' --dir "$WORK/data/$4" --logfile "$WORK/data/$4/server2.log" & fi
    echo $! > "$WORK/bounced.pid" ) &
  BOUNCE_PID=$!
}
unbounce() {  # the restarted server is not our child: poll until it is gone, so the next scenario can bind the port
  wait "$BOUNCE_PID"; local p; p=$(cat "$WORK/bounced.pid" 2>/dev/null); rm -f "$WORK/bounced.pid"; REDIS_PID=
  [ -n "$p" ] && kill "$p" 2>/dev/null && for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; }
sc_m_bounce_remote() {
  NS=(ip netns exec rkv); local u=redis://$KV:6379
  kv_redis mb-ior; bounce 4 9 remote mb-ior; m_ior killed-then-back-remote 15 "REDIS_URL=$u"; unbounce
  kv_redis mb-go; bounce 1.5 2.6 remote mb-go; m_gor killed-then-back-remote 10 "REDIS_URL=$u" REDIS_PINGS=6; unbounce
  kv_redis mb-py; bounce 2.5 3.5 remote mb-py; m_rpy killed-then-back-remote 12 "REDIS_URL=$u" REDIS_WRITES=30; unbounce
  kv_redis mb-cel; bounce 5 9 remote mb-cel; m_cel killed-then-back-remote 16 "REDIS_URL=$u/0"; unbounce
  kv_redis mb-rq; bounce 4 7 remote mb-rq; m_rqw killed-then-back-remote 14 "$u"; unbounce
  kv_redis mb-skq; bounce 4 8 remote mb-skq; m_skq killed-then-back-remote 16 "REDIS_URL=$u"; unbounce
  kv_redis mb-app; bounce 3 5 remote mb-app; APP_HOLD=9 m_app killed-then-back-remote 10 "REDIS_URL=$u"; unbounce
  NS=(); }
sc_m_bounce_loopback() {
  local u=redis://$LIVE:6379
  start_redis mbl-ior; bounce 4 9 loopback mbl-ior; m_ior killed-then-back-loopback 15 "REDIS_URL=$u"; unbounce
  start_redis mbl-go; bounce 1.5 2.6 loopback mbl-go; m_gor killed-then-back-loopback 10 "REDIS_URL=$u" REDIS_PINGS=6; unbounce
  start_redis mbl-cel; bounce 5 9 loopback mbl-cel; m_cel killed-then-back-loopback 16 "REDIS_URL=$u/0"; unbounce
}
# ---- a loopback URL on a non-default port where nothing listens (the URL was read)
sc_m_loopback_port() {
  local u=redis://127.0.0.1:6380
  m_ior refused-loopback-6380 6 "REDIS_URL=$u"; m_rpy refused-loopback-6380 6 "REDIS_URL=$u"
  m_gor refused-loopback-6380 6 "REDIS_URL=$u"; m_rb refused-loopback-6380 6 "REDIS_URL=$u"
  m_cel refused-loopback-6380 8 "REDIS_URL=$u/0"; m_app refused-loopback-6380 12 "REDIS_URL=$u"
}
# ---- server-side faults for the clients B did not cover
sc_m_faults() { sc_m_faults_net; sc_m_faults_auth; sc_m_faults_tls; sc_m_faults_limits; }
sc_m_faults_net() {
  # blackholed
  m_cel blackholed 20 REDIS_URL=redis://$BLACK:6379/0; m_rqw blackholed 20 redis://$BLACK:6379
  m_skq blackholed 20 REDIS_URL=redis://$BLACK:6379; m_dj blackholed REDIS_URL=redis://$BLACK:6379/1
  m_nrc dns-docker-compose-host 8 REDIS_URL=redis://redis:6379; m_rpy dns-docker-compose-host 8 REDIS_URL=redis://redis:6379
}
sc_m_faults_auth() {
  local u=redis://$LIVE:6379 wp=redis://default:wr0ngpassw0rd@$LIVE:6379
  start_redis mf-auth --requirepass $PASS
  m_cel noauth 8 REDIS_URL=$u/0; m_rqw noauth 7 $u; m_rqw wrongpass 7 $wp
  m_skq noauth 8 REDIS_URL=$u; m_skq wrongpass 8 REDIS_URL=$wp; m_dj noauth REDIS_URL=$u/1
  m_nrc noauth 6 REDIS_URL=$u
  stop_redis
}
sc_m_faults_tls() {
  local u=redis://$LIVE:6379
  start_redis mf-plain-to-tls "${TLS_ARGS[@]}"
  m_cel redis-to-tls-port 9 REDIS_URL=$u/0; m_rqw redis-to-tls-port 7 $u; m_skq redis-to-tls-port 8 REDIS_URL=$u
  m_dj redis-to-tls-port REDIS_URL=$u/1; m_nrc redis-to-tls-port 8 REDIS_URL=$u
  m_cel rediss-untrusted-cert 9 "REDIS_URL=rediss://$LIVE:6379/0?ssl_cert_reqs=required"; m_rqw rediss-untrusted-cert 7 rediss://$LIVE:6379
  m_skq rediss-untrusted-cert 8 REDIS_URL=rediss://$LIVE:6379; m_rb rediss-untrusted-cert 8 REDIS_URL=rediss://$LIVE:6379
  m_nrc rediss-untrusted-cert 8 REDIS_URL=rediss://$LIVE:6379
  stop_redis
  start_redis mf-tls-to-plain
  m_cel rediss-to-plaintext 15 "REDIS_URL=rediss://$LIVE:6379/0?ssl_cert_reqs=none"; m_rqw rediss-to-plaintext 15 rediss://$LIVE:6379
  m_skq rediss-to-plaintext 15 REDIS_URL=rediss://$LIVE:6379
  stop_redis
}
sc_m_faults_limits() {
  local u=redis://$LIVE:6379
  # maxclients
  start_redis mf-maxclients --maxclients 1; hold_slot
  m_cel maxclients 9 REDIS_URL=$u/0; m_rqw maxclients 7 $u; m_rb maxclients 7 REDIS_URL=$u; m_skq maxclients 8 REDIS_URL=$u
  m_nrc maxclients 7 REDIS_URL=$u
  release_slot; stop_redis
  # OOM
  start_redis mf-oom --maxmemory 4mb --maxmemory-policy noeviction --enable-debug-command local; fill_memory
  m_cel oom 9 REDIS_URL=$u/0; m_rqw oom 7 $u; m_skq oom 8 REDIS_URL=$u; m_dj oom REDIS_URL=$u/1; m_nrc oom 6 REDIS_URL=$u
  stop_redis
  # READONLY: a replica of a master that is not there (reads served, writes refused)
  start_redis mf-readonly --replicaof 127.0.0.1 6391
  m_ior readonly 7 REDIS_URL=$u; m_rpy readonly 7 REDIS_URL=$u; m_rb readonly 7 REDIS_URL=$u; m_gor readonly 7 REDIS_URL=$u
  m_cel readonly 9 REDIS_URL=$u/0; m_rqw readonly 7 $u; m_skq readonly 8 REDIS_URL=$u; m_dj readonly REDIS_URL=$u/1
  m_app readonly 12 REDIS_URL=$u; m_nrc readonly 6 REDIS_URL=$u
  stop_redis
  # LOADING
  start_loading_redis mf-loading-cel; m_cel loading 14 REDIS_URL=$u/0; stop_redis
  start_loading_redis mf-loading-rq; m_rqw loading 14 $u; stop_redis
  start_loading_redis mf-loading-skq; m_skq loading 14 REDIS_URL=$u; stop_redis
  start_loading_redis mf-loading-dj; m_dj loading REDIS_URL=$u/1; stop_redis
}
# ---- non-Redis failures in the same logs
MIXED_ENV=(DATABASE_URL=postgres://app:app@localhost:5432/app PAYMENTS_API=https://api.stripe.com/v1/charges WEBHOOK_URL=https://hooks.slack.com/services/T000/B000/XXXX)
MIXED_ENV_REMOTE_DB=(DATABASE_URL=postgres://app:app@10.0.3.7:5432/app PAYMENTS_API=https://api.stripe.com/v1/charges WEBHOOK_URL=https://hooks.slack.com/services/T000/B000/XXXX)
mix_node() { KEEP=200 capture mixed-node "$1" "$2" "${NS[@]}" env -C "$MW" NODE_PATH="$W/node_modules" "${@:3}" node mixed-worker.js; }
mix_py()   { KEEP=400 capture mixed-python "$1" "$2" "${NS[@]}" env -C "$MW" "${@:3}" "$PY" mixed_worker.py; }
mix_rb()   { KEEP=200 capture mixed-ruby "$1" "$2" "${NS[@]}" env -C "$MW" "${@:3}" ruby mixed_worker.rb; }
mix_go()   { KEEP=200 capture mixed-go "$1" "$2" "${NS[@]}" env -C "$MW" "${@:3}" ./mixedgo; }
sc_m_mixed() {
  mixed_setup
  local f
  start_redis mm-up
  for f in mix_node mix_py mix_rb mix_go; do
    $f redis-up-postgres-down-api-dns 10 REDIS_URL=redis://$LIVE:6379 "${MIXED_ENV[@]}"
    $f redis-up-remote-postgres-refused 10 REDIS_URL=redis://$LIVE:6379 "${MIXED_ENV_REMOTE_DB[@]}"
  done
  m_dj postgres-down-redis-up REDIS_URL=redis://$LIVE:6379/1 DJANGO_DATABASE_URL=postgres://app:app@localhost:5432/app
  stop_redis
  for f in mix_node mix_py mix_rb mix_go; do
    $f redis-refused-postgres-down 10 REDIS_URL=redis://$REFUSE:6379 "${MIXED_ENV[@]}"
    $f redis-dns-api-dns 10 REDIS_URL=redis://$NXDOMAIN:6379 "${MIXED_ENV[@]}"
  done
  # the URL never read (nothing on localhost) next to PostgreSQL refused on localhost: two loopback refusals
  for f in mix_node mix_py mix_rb mix_go; do $f redis-url-missing-postgres-down 10 REDIS_URL=redis://localhost:6379 "${MIXED_ENV[@]}"; done
}

# ---- BullMQ 5.81.5 (options parsed from REDIS_URL by the script, error listeners as the BullMQ docs advise)
m_bmq() { KEEP=400 capture bullmq "$1" "$2" "${NS[@]}" env -C "$W" BULLMQ_ERROR_LISTENER=1 "${@:3}" node bullmq-worker.js; }
sc_m_bullmq() {
  local u=redis://$LIVE:6379
  m_bmq url-empty 8 REDIS_URL=
  m_bmq blackholed 12 REDIS_URL=redis://$BLACK:6379
  start_redis mb-bmq-auth --requirepass $PASS
  m_bmq noauth 8 REDIS_URL=$u; m_bmq wrongpass 8 REDIS_URL=redis://default:wr0ngpassw0rd@$LIVE:6379
  stop_redis
  start_redis mb-bmq-oom --maxmemory 4mb --maxmemory-policy noeviction --enable-debug-command local; fill_memory
  m_bmq oom 8 REDIS_URL=$u; stop_redis
  start_redis mb-bmq-ro --replicaof 127.0.0.1 6391; m_bmq readonly 8 REDIS_URL=$u; stop_redis
  start_loading_redis mb-bmq-loading; m_bmq loading 14 REDIS_URL=$u; stop_redis
  NS=(ip netns exec rkv); kv_redis mb-bmq-bounce; bounce 4 8 remote mb-bmq-bounce
  m_bmq killed-then-back-remote 14 REDIS_URL=redis://$KV:6379; unbounce; NS=()
}

# the first pass cut these at 40 lines (the default KEEP, since raised for these runners): run again whole
sc_m_recut() {
  M_URL_CLIENTS=m_cel sc_m_urls
  m_rqw blackholed 20 redis://$BLACK:6379
}

# ---- the gaps of matrix/COVERAGE.md (session 5; `run_all.sh m_gaps`, or one group: m_gaps_killed ...)
# The loopback shape runs in a namespace of its own (mxlo: its lo only, /etc/netns/mxlo/hosts maps the Key Value's
# name to 127.0.0.1), the server and the client both inside, so that 127.0.0.1:6379 is nobody else's on this machine.
LO_NS=mxlo
lo_net() {
  ip netns list | grep -q "^$LO_NS" || { ip netns add $LO_NS; ip netns exec $LO_NS ip link set lo up; }
  mkdir -p /etc/netns/$LO_NS; printf '127.0.0.1 localhost\n127.0.0.1 %s\n' "$LIVE" > /etc/netns/$LO_NS/hosts
}
lo_redis() {  # lo_redis NAME [args...]: the Key Value on 127.0.0.1:6379 inside mxlo
  local name=$1; shift; lo_net; mkdir -p "$WORK/data/$name"
  ip netns exec $LO_NS redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no \
    --dir "$WORK/data/$name" --logfile "$WORK/data/$name/server.log" "$@" &
  REDIS_PID=$!; sleep 0.7
}
lo_cli() { ip netns exec $LO_NS redis-cli -p 6379 "$@"; }
# bounce_in NS IP DOWN UP NAME: in the background, SHUTDOWN NOSAVE the server at DOWN s, start it again at UP s
# (UP "-": never); unbounce waits for it and stops the restarted server
bounce_in() {
  local ns=$1 ip=$2 down=$3 up=$4 name=$5
  ( sleep "$down"; ip netns exec "$ns" redis-cli -h "$ip" -p 6379 shutdown nosave >/dev/null 2>&1
    if [ "$up" != - ]; then
      sleep "$(echo "$up - $down" | bc)"
      ip netns exec "$ns" redis-server --bind "$ip" --port 6379 --protected-mode no --save '' --dir "$WORK/data/$name" \
        --logfile "$WORK/data/$name/server2.log" &
      echo $! > "$WORK/bounced.pid"
    fi ) &
  BOUNCE_PID=$!
}
unbounce_in() { unbounce; kill "${1:-}" 2>/dev/null; true; }  # the first server, should SHUTDOWN not have reached it
LO=(ip netns exec $LO_NS)
sc_m_gaps() { sc_m_gaps_killed; sc_m_gaps_urls; sc_m_gaps_down; sc_m_gaps_faults; }
sc_m_gaps_killed() {
  local u=redis://$LIVE:6379 w=REDIS_WRITES=30
  NS=("${LO[@]}")
  # killed, then back (loopback)
  lo_redis gk-app4; bounce_in $LO_NS 127.0.0.1 3 5 gk-app4; M_APP=node-app APP_HOLD=9 m_app killed-then-back-loopback 10 REDIS_URL=$u; unbounce_in $REDIS_PID
  lo_redis gk-app5; bounce_in $LO_NS 127.0.0.1 3 5 gk-app5; APP_HOLD=9 m_app killed-then-back-loopback 10 REDIS_URL=$u; unbounce_in $REDIS_PID
  lo_redis gk-bmq; bounce_in $LO_NS 127.0.0.1 4 8 gk-bmq; m_bmq killed-then-back-loopback 14 REDIS_URL=$u; unbounce_in $REDIS_PID
  lo_redis gk-py; bounce_in $LO_NS 127.0.0.1 2.5 3.5 gk-py; m_rpy killed-then-back-loopback 12 REDIS_URL=$u $w; unbounce_in $REDIS_PID
  lo_redis gk-rq; bounce_in $LO_NS 127.0.0.1 4 7 gk-rq; m_rqw killed-then-back-loopback 14 $u; unbounce_in $REDIS_PID
  lo_redis gk-dj; bounce_in $LO_NS 127.0.0.1 4 8 gk-dj; DJ_ROUNDS=5 DJ_GAP=2 m_dj killed-then-back-loopback REDIS_URL=$u/1; unbounce_in $REDIS_PID
  lo_redis gk-rb; bounce_in $LO_NS 127.0.0.1 2.5 3.5 gk-rb; m_rb killed-then-back-loopback 12 REDIS_URL=$u $w REDIS_SLEEP=0.2; unbounce_in $REDIS_PID
  lo_redis gk-skq; bounce_in $LO_NS 127.0.0.1 4 8 gk-skq; m_skq killed-then-back-loopback 16 REDIS_URL=$u; unbounce_in $REDIS_PID
  # killed, not back (loopback)
  lo_redis gn-app5; bounce_in $LO_NS 127.0.0.1 3 - gn-app5; APP_HOLD=6 m_app killed-not-back-loopback 10 REDIS_URL=$u; unbounce_in $REDIS_PID
  lo_redis gn-bmq; bounce_in $LO_NS 127.0.0.1 4 - gn-bmq; m_bmq killed-not-back-loopback 12 REDIS_URL=$u; unbounce_in $REDIS_PID
  lo_redis gn-py; bounce_in $LO_NS 127.0.0.1 2.5 - gn-py; m_rpy killed-not-back-loopback 12 REDIS_URL=$u $w; unbounce_in $REDIS_PID
  lo_redis gn-dj; bounce_in $LO_NS 127.0.0.1 4 - gn-dj; DJ_ROUNDS=3 DJ_GAP=2 m_dj killed-not-back-loopback REDIS_URL=$u/1; unbounce_in $REDIS_PID
  lo_redis gn-go; bounce_in $LO_NS 127.0.0.1 1.5 - gn-go; m_gor killed-not-back-loopback 10 REDIS_URL=$u REDIS_PINGS=6; unbounce_in $REDIS_PID
  lo_redis gn-rb; bounce_in $LO_NS 127.0.0.1 2.5 - gn-rb; m_rb killed-not-back-loopback 12 REDIS_URL=$u $w REDIS_SLEEP=0.2; unbounce_in $REDIS_PID
  lo_redis gn-skq; bounce_in $LO_NS 127.0.0.1 4 - gn-skq; m_skq killed-not-back-loopback 14 REDIS_URL=$u; unbounce_in $REDIS_PID
  # killed, then back (remote)
  NS=(ip netns exec rkv); u=redis://$KV:6379
  kv_redis gk-dj-r; bounce_in rkv $KV_IP 4 8 gk-dj-r; DJ_ROUNDS=5 DJ_GAP=2 m_dj killed-then-back-remote REDIS_URL=$u/1; unbounce_in $REDIS_PID
  kv_redis gk-rb-r; bounce_in rkv $KV_IP 2.5 3.5 gk-rb-r; m_rb killed-then-back-remote 12 REDIS_URL=$u $w REDIS_SLEEP=0.2; unbounce_in $REDIS_PID
  NS=(); sc_m_gaps_app4_remote
}
sc_m_gaps_app4_remote() {  # the note's app on node-redis 4, killed then back on the remote address
  NS=(ip netns exec rkv); kv_redis gk-app4-r; bounce_in rkv $KV_IP 3 5 gk-app4-r
  M_APP=node-app APP_HOLD=9 m_app killed-then-back-remote 10 REDIS_URL=redis://$KV:6379; unbounce_in $REDIS_PID; NS=(); }
sc_m_gaps_urls() {  # remote shape, the Key Value up on 10.0.5.9 (as sc_m_urls)
  kv_redis mg-urls; NS=(ip netns exec rkv)
  local nos=$KV:6379 c name url
  m_ior url-no-scheme 8 REDIS_URL=$nos; m_cel url-no-scheme 9 REDIS_URL=$nos; m_rqw url-no-scheme 7 $nos
  m_dj url-no-scheme REDIS_URL=$nos; m_skq url-no-scheme 8 REDIS_URL=$nos; m_bmq url-no-scheme 8 REDIS_URL=$nos
  # RQ with no --url at all, go-redis and BullMQ with REDIS_URL unset
  KEEP=200 capture rq url-unset 7 "${NS[@]}" env -C "$APP_DIR" "$APP_DIR/.venv/bin/rq" worker
  m_gor url-unset 8 -u REDIS_URL; sc_m_gaps_bmq_unset
  for c in "${URL_CASES[@]}"; do
    name=${c%%|*}; url=${c#*|}
    [ "$name" = url-empty ] || m_bmq "$name" 8 "REDIS_URL=$url"
  done
  NS=(); stop_redis; }
sc_m_gaps_bmq_unset() {  # env's -u must come before m_bmq's own assignment
  KEEP=400 capture bullmq url-unset 8 ip netns exec rkv env -C "$W" -u REDIS_URL BULLMQ_ERROR_LISTENER=1 node bullmq-worker.js; }
sc_m_gaps_down() {
  # nothing on 127.0.0.1:6380 (the URL was read), in mxlo where nothing listens at all
  lo_net; NS=("${LO[@]}"); local u=redis://127.0.0.1:6380
  m_nrc refused-loopback-6380 6 REDIS_URL=$u; m_bmq refused-loopback-6380 8 REDIS_URL=$u; m_rqw refused-loopback-6380 7 $u
  m_dj refused-loopback-6380 REDIS_URL=$u/1; m_skq refused-loopback-6380 8 REDIS_URL=$u
  NS=()
  # a Key Value name that does not resolve (the sandbox resolver answers NXDOMAIN), as B's dns-enotfound
  u=redis://$NXDOMAIN:6379
  m_bmq dns-enotfound 8 REDIS_URL=$u; m_rqw dns-enotfound 7 $u; m_dj dns-enotfound REDIS_URL=$u/1; m_skq dns-enotfound 8 REDIS_URL=$u
}
sc_m_gaps_faults() {
  local u=redis://$LIVE:6379 s=rediss://$LIVE:6379
  NS=("${LO[@]}")
  lo_redis mg-plain-to-tls "${TLS_ARGS[@]}"
  m_bmq redis-to-tls-port 8 REDIS_URL=$u
  m_bmq rediss-untrusted-cert 8 REDIS_URL=$s
  m_dj rediss-untrusted-cert REDIS_URL=$s/1; m_app rediss-untrusted-cert 12 REDIS_URL=$s
  stop_redis
  lo_redis mg-tls-to-plain
  m_bmq rediss-to-plaintext 15 REDIS_URL=$s; m_dj rediss-to-plaintext REDIS_URL=$s/1
  stop_redis
  lo_redis mg-maxclients --maxclients 1; lo_cli subscribe hold >/dev/null 2>&1 & HOLD_PID=$!; sleep 0.5
  m_bmq maxclients 8 REDIS_URL=$u; m_dj maxclients REDIS_URL=$u/1; m_app maxclients 12 REDIS_URL=$u
  release_slot; stop_redis
  NS=()
}

M_SCENARIOS="m_urls m_bounce_remote m_bounce_loopback m_loopback_port m_faults m_mixed m_bullmq m_gaps"
