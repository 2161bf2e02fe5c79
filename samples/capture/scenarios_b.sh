# B scenarios: other clients. Sourced by run_all.sh (uses its helpers and variables).
W=$APP_DIR/worker
TLS_ARGS=(--port 0 --tls-port 6379 --tls-cert-file "$WORK/tls/server.crt" --tls-key-file "$WORK/tls/server.key" --tls-ca-cert-file "$WORK/tls/ca.crt" --tls-auth-clients no)
export PYTHONUNBUFFERED=1   # as most Render Python services set it: keeps stdout/stderr order
LOADING_RDB=$WORK/data/bigrdb   # dump.rdb made by make_big_rdb (4M keys, ~8 s of LOADING)

make_big_rdb() {
  [ -f "$LOADING_RDB/dump.rdb" ] && return
  mkdir -p "$LOADING_RDB"
  redis-server --port 6390 --bind 127.0.0.1 --save '' --dir "$LOADING_RDB" --enable-debug-command local &
  local p=$!; sleep 0.7
  redis-cli -p 6390 debug populate 4000000 key 200 >/dev/null; redis-cli -p 6390 save >/dev/null
  kill "$p"; wait "$p"
}
# the server starts loading the big RDB; the client starts at once
start_loading_redis() {
  make_big_rdb; mkdir -p "$WORK/data/$1"; cp "$LOADING_RDB/dump.rdb" "$WORK/data/$1/dump.rdb"
  redis-server --bind 127.0.0.1 --port 6379 --save '' --dir "$WORK/data/$1" --logfile "$WORK/data/$1/server.log" &
  REDIS_PID=$!; sleep 0.3
}
# hold the only client slot of a maxclients-1 server
HOLD_PID=
hold_slot() { redis-cli -p 6379 subscribe hold >/dev/null 2>&1 & HOLD_PID=$!; sleep 0.5; }
release_slot() { [ -n "$HOLD_PID" ] && kill "$HOLD_PID" 2>/dev/null; HOLD_PID=; }
fill_memory() { redis-cli -p 6379 debug populate 30000 cachefill 100 >/dev/null; }

ior() { capture ioredis "$1" "$2" env -C "$W" "${@:3}" node ioredis-worker.js; }
# ---- ioredis 5.11.1 (no 'error' listener)
sc_ioredis_url_unset()       { hosts_localhost6 off; ior url-unset 8 -u REDIS_URL; }
sc_ioredis_url_unset_dualstack() { hosts_localhost6 on; ior url-unset-dualstack 8 -u REDIS_URL; hosts_localhost6 off; }
sc_ioredis_refused_remote()  { ior refused-remote 8 REDIS_URL=redis://$REFUSE:6379; }
sc_ioredis_dns()             { ior dns-enotfound 8 REDIS_URL=redis://$NXDOMAIN:6379; }
sc_ioredis_timeout()         { ior connect-timeout 35 REDIS_URL=redis://$BLACK:6379; }
sc_ioredis_max_retries()     { KEEP=200 ior max-retries 14 REDIS_URL=redis://$REFUSE:6379 IOREDIS_SWALLOW_ERRORS=1; }
sc_ioredis_wrongpass()       { start_redis ior-wrongpass --requirepass $PASS; ior wrongpass 6 REDIS_URL=redis://default:wr0ngpassw0rd@$LIVE:6379; stop_redis; }
sc_ioredis_noauth()          { start_redis ior-noauth --requirepass $PASS; ior noauth 6 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_ioredis_pass_to_noauth()  { start_redis ior-pass-noauth; ior password-to-noauth-server 5 REDIS_URL=redis://:$PASS@$LIVE:6379; stop_redis; }
sc_ioredis_tls_to_plain()    { start_redis ior-tls-to-plain; ior rediss-to-plaintext 25 REDIS_URL=rediss://$LIVE:6379; stop_redis; }
sc_ioredis_plain_to_tls()    { start_redis ior-plain-to-tls "${TLS_ARGS[@]}"; ior redis-to-tls-port 6 REDIS_URL=redis://$LIVE:6379; stop_redis; keep_server_log ior-plain-to-tls; }
sc_ioredis_cert()            { start_redis ior-cert "${TLS_ARGS[@]}"; ior rediss-untrusted-cert 6 REDIS_URL=rediss://$LIVE:6379; stop_redis; }
sc_ioredis_oom()             { start_redis ior-oom --maxmemory 4mb --maxmemory-policy noeviction --enable-debug-command local; fill_memory; ior oom 7 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_ioredis_maxclients()      { start_redis ior-maxclients --maxclients 1; hold_slot; ior maxclients 7 REDIS_URL=redis://$LIVE:6379; release_slot; stop_redis; }
sc_ioredis_loading()         { start_loading_redis ior-loading; ior loading 25 REDIS_URL=redis://$LIVE:6379; stop_redis; }

# ---- node-redis 4.7.1 without an 'error' listener: crash
nrc() { capture node-redis-nolistener "$1" "$2" env -C "$APP_DIR" "${@:3}" node node-redis-nolistener.js; }
sc_noderedis_crash_url_unset() { hosts_localhost6 off; nrc url-unset 10 -u REDIS_URL; }
sc_noderedis_crash_url_unset_dualstack() { hosts_localhost6 on; nrc url-unset-dualstack 10 -u REDIS_URL; hosts_localhost6 off; }
sc_noderedis_crash_refused()   { nrc refused-remote 10 REDIS_URL=redis://$REFUSE:6379; }
sc_noderedis_crash_dns()       { nrc dns-enotfound 10 REDIS_URL=redis://$NXDOMAIN:6379; }
sc_noderedis_crash_wrongpass() { start_redis nr-wrongpass --requirepass $PASS; nrc wrongpass 10 REDIS_URL=redis://default:wr0ngpassw0rd@$LIVE:6379; stop_redis; }
sc_noderedis_crash_timeout()   { nrc connect-timeout 15 REDIS_URL=redis://$BLACK:6379; }
sc_noderedis_crash_runtime_drop() {
  start_redis nr-drop; mkdir -p "$RAW/node-redis-nolistener"
  (env -C "$APP_DIR" REDIS_URL=redis://$LIVE:6379 timeout -s INT 15 node node-redis-nolistener.js > "$WORK/full-nr-drop.log" 2>&1; echo $? > "$WORK/rc") &
  sleep 3.5; redis-cli -p 6379 shutdown nosave >/dev/null 2>&1; REDIS_PID=; wait
  finish_capture node-redis-nolistener runtime-drop "$(cat "$WORK/rc")" "$WORK/full-nr-drop.log"; }
sc_noderedis_loading()         { start_loading_redis nr-loading; nrc loading 25 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_app_loading()               { start_loading_redis app-loading; app_run loading 20 REDIS_URL=redis://$LIVE:6379; stop_redis; }

sc_app_maxclients()     { start_redis app-maxclients --maxclients 1; hold_slot; app_run maxclients 30 REDIS_URL=redis://$LIVE:6379; release_slot; stop_redis; }
# ---- BullMQ 5.81.5 (ioredis 5.11.1)
bmq() { capture bullmq "$1" "$2" env -C "$W" "${@:3}" node bullmq-worker.js; }
sc_bullmq_eviction()       { start_redis bmq-evict --maxmemory 64mb --maxmemory-policy allkeys-lru; bmq eviction-policy 6 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_bullmq_options_retries(){ start_redis bmq-opt; bmq maxretries-options 6 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_bullmq_instance()       { start_redis bmq-inst; bmq maxretries-instance 6 REDIS_URL=redis://$LIVE:6379 BULLMQ_CONNECTION=instance; stop_redis; }
sc_bullmq_refused()        { bmq refused-remote 8 REDIS_URL=redis://$REFUSE:6379; }
sc_bullmq_refused_listener() { bmq refused-remote-error-listener 8 REDIS_URL=redis://$REFUSE:6379 BULLMQ_ERROR_LISTENER=1; }
sc_bullmq_url_ignored_listener() { hosts_localhost6 off; bmq url-option-ignored-error-listener 8 REDIS_URL=redis://default:$PASS@$REFUSE:6379 BULLMQ_CONNECTION=url BULLMQ_ERROR_LISTENER=1; }
sc_bullmq_url_ignored()    { bmq url-option-ignored 8 REDIS_URL=redis://default:$PASS@$REFUSE:6379 BULLMQ_CONNECTION=url; }

# ---- redis-py 8.1.0 (tracebacks, exit 1)
rpy() { KEEP=200 capture redis-py "$1" "$2" env -C "$APP_DIR" "${@:3}" "$PY" redis_ping.py; }
sc_redispy_url_unset()      { rpy url-unset 10 -u REDIS_URL; }
sc_redispy_url_empty()      { rpy url-empty 10 REDIS_URL=; }
sc_redispy_refused_local()  { hosts_localhost6 off; rpy refused-localhost 10 REDIS_URL=redis://localhost:6379; }
sc_redispy_refused_remote() { rpy refused-remote 15 REDIS_URL=redis://$REFUSE:6379; }
sc_redispy_dns()            { rpy dns-enotfound 15 REDIS_URL=redis://$NXDOMAIN:6379; }
sc_redispy_timeout()        { rpy connect-timeout 40 REDIS_URL=redis://$BLACK:6379 REDIS_CONNECT_TIMEOUT=5; }
sc_redispy_no_scheme()      { rpy url-no-scheme 10 REDIS_URL=$LIVE:6379; }
sc_redispy_wrongpass()      { start_redis py-wrongpass --requirepass $PASS; rpy wrongpass 10 REDIS_URL=redis://default:wr0ngpassw0rd@$LIVE:6379; stop_redis; }
sc_redispy_noauth()         { start_redis py-noauth --requirepass $PASS; rpy noauth 10 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_redispy_pass_to_noauth() { start_redis py-pass-noauth; rpy password-to-noauth-server 10 REDIS_URL=redis://:$PASS@$LIVE:6379; stop_redis; }
sc_redispy_tls_to_plain()   { start_redis py-tls-to-plain; rpy rediss-to-plaintext 30 REDIS_URL=rediss://$LIVE:6379 REDIS_CONNECT_TIMEOUT=5; stop_redis; }
sc_redispy_plain_to_tls()   { start_redis py-plain-to-tls "${TLS_ARGS[@]}"; rpy redis-to-tls-port 10 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_redispy_cert()           { start_redis py-cert "${TLS_ARGS[@]}"; rpy rediss-untrusted-cert 10 REDIS_URL=rediss://$LIVE:6379; stop_redis; }
sc_redispy_oom()            { start_redis py-oom --maxmemory 4mb --maxmemory-policy noeviction --enable-debug-command local; fill_memory; rpy oom 10 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_redispy_maxclients()     { start_redis py-maxclients --maxclients 1; hold_slot; rpy maxclients 10 REDIS_URL=redis://$LIVE:6379; release_slot; stop_redis; }
sc_redispy_loading()        { start_loading_redis py-loading; rpy loading 25 REDIS_URL=redis://$LIVE:6379; stop_redis; keep_server_log py-loading; }

# ---- Celery 5.7.0 worker, Redis broker (run briefly)
cel() { capture celery "$1" "$2" env -C "$APP_DIR" "${@:3}" "$APP_DIR/.venv/bin/celery" -A tasks worker --loglevel=INFO --concurrency=1 --without-gossip --without-mingle; }
sc_celery_refused()    { cel broker-refused 13 REDIS_URL=redis://$REFUSE:6379/0; }
sc_celery_dns()        { cel broker-dns 13 REDIS_URL=redis://$NXDOMAIN:6379/0; }
sc_celery_unset()      { cel broker-url-unset 10 -u REDIS_URL; }
sc_celery_wrongpass()  { start_redis cel-wrongpass --requirepass $PASS; cel broker-wrongpass 10 REDIS_URL=redis://default:wr0ngpassw0rd@$LIVE:6379/0; stop_redis; }
sc_celery_rediss()     { start_redis cel-rediss "${TLS_ARGS[@]}"; cel broker-rediss-no-cert-reqs 10 REDIS_URL=rediss://$LIVE:6379/0; stop_redis; }
sc_celery_lost() {
  start_redis cel-lost
  mkdir -p "$RAW/celery"
  (env -C "$APP_DIR" REDIS_URL=redis://$LIVE:6379/0 timeout -s INT 20 "$APP_DIR/.venv/bin/celery" -A tasks worker --loglevel=INFO --concurrency=1 --without-gossip --without-mingle > "$WORK/full-celery-broker-lost.log" 2>&1; echo $? > "$WORK/rc") &
  sleep 7; redis-cli -p 6379 shutdown nosave >/dev/null 2>&1; REDIS_PID=; wait
  finish_capture celery broker-lost "$(cat "$WORK/rc")" "$WORK/full-celery-broker-lost.log" 60; }

# ---- RQ 3.0.0 worker (reads REDIS_URL by itself through --url)
rqw() { capture rq "$1" "$2" env -C "$APP_DIR" "${@:3}" "$APP_DIR/.venv/bin/rq" worker --url "$RQ_URL"; }
sc_rq_refused()  { RQ_URL=redis://$REFUSE:6379 rqw start-refused 10; }
sc_rq_lost() {
  start_redis rq-lost
  mkdir -p "$RAW/rq"
  (env -C "$APP_DIR" timeout -s INT 20 "$APP_DIR/.venv/bin/rq" worker --url redis://$LIVE:6379 > "$WORK/full-rq-connection-lost.log" 2>&1; echo $? > "$WORK/rc") &
  sleep 5; redis-cli -p 6379 shutdown nosave >/dev/null 2>&1; REDIS_PID=; wait
  finish_capture rq connection-lost "$(cat "$WORK/rc")" "$WORK/full-rq-connection-lost.log"; }

# ---- Django 5.2 + django-redis 7.0.0 under gunicorn 27
dj() {  # dj SCENARIO env...
  local scen=$1; shift; mkdir -p "$RAW/django-redis"
  (env -C "$APP_DIR" "$@" "$APP_DIR/.venv/bin/gunicorn" djapp:application --bind 127.0.0.1:$PORT --workers 1 --pid "$WORK/gunicorn.pid" > "$WORK/full-django-$scen.log" 2>&1) &
  local p=$!
  for _ in $(seq 1 40); do curl -s -o /dev/null localhost:$PORT/api/health && break; sleep 0.3; done
  curl -s -o /dev/null localhost:$PORT/api/files; sleep 0.5; curl -s -o /dev/null localhost:$PORT/api/files; sleep 1
  kill -INT "$(cat "$WORK/gunicorn.pid")" 2>/dev/null; wait "$p"; local rc=$?
  finish_capture django-redis "$scen" "$rc" "$WORK/full-django-$scen.log" 200; }
sc_django_refused()   { dj refused-remote REDIS_URL=redis://$REFUSE:6379/1; }
sc_django_unset()     { dj url-unset -u REDIS_URL; }
sc_django_wrongpass() { start_redis dj-wrongpass --requirepass $PASS; dj wrongpass REDIS_URL=redis://default:wr0ngpassw0rd@$LIVE:6379/1; stop_redis; }

# ---- Ruby: redis-rb 4.8.0 and Sidekiq 6.4.1 from Debian
rb() { KEEP=200 capture redis-rb "$1" "$2" env -C "$APP_DIR" "${@:3}" ruby ruby/redis_ping.rb; }
sc_rb_url_unset()      { rb url-unset 10 -u REDIS_URL; }
sc_rb_refused_remote() { rb refused-remote 10 REDIS_URL=redis://$REFUSE:6379; }
sc_rb_dns()            { rb dns-enotfound 10 REDIS_URL=redis://$NXDOMAIN:6379; }
sc_rb_timeout()        { rb connect-timeout 20 REDIS_URL=redis://$BLACK:6379; }
sc_rb_no_scheme()      { rb url-no-scheme 10 REDIS_URL=$LIVE:6379; }
sc_rb_wrongpass()      { start_redis rb-wrongpass --requirepass $PASS; rb wrongpass 10 REDIS_URL=redis://default:wr0ngpassw0rd@$LIVE:6379; stop_redis; }
sc_rb_noauth()         { start_redis rb-noauth --requirepass $PASS; rb noauth 10 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_rb_tls_to_plain()   { start_redis rb-tls-to-plain; rb rediss-to-plaintext 20 REDIS_URL=rediss://$LIVE:6379; stop_redis; }
sc_rb_plain_to_tls()   { start_redis rb-plain-to-tls "${TLS_ARGS[@]}"; rb redis-to-tls-port 10 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_rb_oom()            { start_redis rb-oom --maxmemory 4mb --maxmemory-policy noeviction --enable-debug-command local; fill_memory; rb oom 10 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_rb_loading()        { start_loading_redis rb-loading; rb loading 25 REDIS_URL=redis://$LIVE:6379; stop_redis; }
skq() { capture sidekiq "$1" "$2" env -C "$APP_DIR" "${@:3}" sidekiq -r ./ruby/sidekiq_worker.rb -c 1; }
sc_sidekiq_refused()   { skq refused-remote 10 REDIS_URL=redis://$REFUSE:6379; }
sc_sidekiq_unset()     { hosts_localhost6 off; skq url-unset 10 -u REDIS_URL; }
sc_sidekiq_eviction()  { start_redis skq-evict --maxmemory 64mb --maxmemory-policy allkeys-lru; skq eviction-policy 6 REDIS_URL=redis://$LIVE:6379; stop_redis; }

# ---- go-redis v5.2.9 (Debian golang-gopkg-redis.v5-dev), Go 1.19 (Debian golang-go); go-redis v9 is not in Debian 12
GO_BIN=${GO_BIN:-$APP_DIR/go-app/redisping}   # built under Render's checkout path, as panics print it
go_build() {
  [ -x "$GO_BIN" ] && return
  mkdir -p "$(dirname "$GO_BIN")" && cp "$HERE/go/main.go" "$(dirname "$GO_BIN")/"
  (cd "$(dirname "$GO_BIN")" && GO111MODULE=off GOPATH=/usr/share/gocode go build -o "$GO_BIN" main.go)
}
gor() { go_build; KEEP=200 capture go-redis "$1" "$2" env -C "$APP_DIR" "${@:3}" "$GO_BIN"; }
sc_go_url_empty()      { gor url-empty 10 REDIS_URL=; }
sc_go_url_empty_ignored() { gor url-empty-error-ignored 10 REDIS_URL= GO_IGNORE_PARSE_ERROR=1; }
sc_go_no_scheme()      { gor url-no-scheme 10 REDIS_URL=$LIVE:6379; }
sc_go_refused_remote() { gor refused-remote 10 REDIS_URL=redis://$REFUSE:6379; }
sc_go_dns()            { gor dns-enotfound 10 REDIS_URL=redis://$NXDOMAIN:6379; }
sc_go_timeout()        { gor connect-timeout 30 REDIS_URL=redis://$BLACK:6379; }
sc_go_wrongpass()      { start_redis go-wrongpass --requirepass $PASS; gor wrongpass 10 REDIS_URL=redis://default:wr0ngpassw0rd@$LIVE:6379; stop_redis; }
sc_go_noauth()         { start_redis go-noauth --requirepass $PASS; gor noauth 10 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_go_tls_to_plain()   { start_redis go-tls-to-plain; gor rediss-to-plaintext 30 REDIS_URL=rediss://$LIVE:6379; stop_redis; }
sc_go_plain_to_tls()   { start_redis go-plain-to-tls "${TLS_ARGS[@]}"; gor redis-to-tls-port 10 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_go_cert()           { start_redis go-cert "${TLS_ARGS[@]}"; gor rediss-untrusted-cert 10 REDIS_URL=rediss://$LIVE:6379; stop_redis; }
sc_go_oom()            { start_redis go-oom --maxmemory 4mb --maxmemory-policy noeviction --enable-debug-command local; fill_memory; gor oom 10 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_go_maxclients()     { start_redis go-maxclients --maxclients 1; hold_slot; gor maxclients 10 REDIS_URL=redis://$LIVE:6379; release_slot; stop_redis; }
sc_go_loading()        { start_loading_redis go-loading; gor loading 12 REDIS_URL=redis://$LIVE:6379; stop_redis; }

# ---- the note's app on node-redis 5 (redis@5.12.1, same server.js; capture/node-app-redis5/package.json)
r5() { APP_CLIENT=node-app-redis5 APP_RUN_DIR=$APP_DIR/redis5-app app_run "$@"; }
sc_r5_healthy()        { start_redis r5-healthy; r5 healthy 10 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_r5_url_unset()      { hosts_localhost6 on; r5 url-unset-dualstack 30 -u REDIS_URL; hosts_localhost6 off; }
sc_r5_refused_remote() { r5 refused-remote 30 REDIS_URL=redis://$REFUSE:6379; }
sc_r5_dns()            { r5 dns-enotfound 30 REDIS_URL=redis://$NXDOMAIN:6379; }
sc_r5_timeout()        { r5 connect-timeout 60 REDIS_URL=redis://$BLACK:6379; }
sc_r5_no_scheme()      { r5 url-no-scheme 10 REDIS_URL=$LIVE:6379; }
sc_r5_wrongpass()      { start_redis r5-wrongpass --requirepass $PASS; r5 wrongpass 30 REDIS_URL=redis://default:wr0ngpassw0rd@$LIVE:6379; stop_redis; }
sc_r5_noauth()         { start_redis r5-noauth --requirepass $PASS; r5 noauth 30 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_r5_tls_to_plain()   { start_redis r5-tls-to-plain; r5 rediss-to-plaintext 60 REDIS_URL=rediss://$LIVE:6379; stop_redis; }
sc_r5_plain_to_tls()   { start_redis r5-plain-to-tls "${TLS_ARGS[@]}"; r5 redis-to-tls-port 30 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_r5_oom() {
  start_redis r5-oom --maxmemory 4mb --maxmemory-policy noeviction --enable-debug-command local
  APP_CLIENT=node-app-redis5 APP_RUN_DIR=$APP_DIR/redis5-app app_start oom REDIS_URL=redis://$LIVE:6379
  app_wait_port 20 && traffic; fill_memory; traffic; sleep 1
  APP_CLIENT=node-app-redis5 app_stop oom; stop_redis; }
sc_r5_loading()        { start_loading_redis r5-loading; r5 loading 30 REDIS_URL=redis://$LIVE:6379; stop_redis; }
sc_r5_legacy_ping()    { start_redis r5-legacy; r5 legacy-mode-ping 10 REDIS_URL=redis://$LIVE:6379 REDIS_LEGACY_MODE=1; stop_redis; }

B_SCENARIOS="ioredis_url_unset ioredis_url_unset_dualstack ioredis_refused_remote ioredis_dns ioredis_timeout ioredis_max_retries
 ioredis_wrongpass ioredis_noauth ioredis_pass_to_noauth ioredis_tls_to_plain ioredis_plain_to_tls ioredis_cert ioredis_oom ioredis_maxclients ioredis_loading
 noderedis_crash_url_unset noderedis_crash_url_unset_dualstack noderedis_crash_refused noderedis_crash_dns noderedis_crash_wrongpass noderedis_crash_timeout noderedis_crash_runtime_drop noderedis_loading app_loading app_maxclients
 bullmq_eviction bullmq_options_retries bullmq_instance bullmq_refused bullmq_url_ignored bullmq_refused_listener bullmq_url_ignored_listener
 redispy_url_unset redispy_url_empty redispy_refused_local redispy_refused_remote redispy_dns redispy_timeout redispy_no_scheme
 redispy_wrongpass redispy_noauth redispy_pass_to_noauth redispy_tls_to_plain redispy_plain_to_tls redispy_cert redispy_oom redispy_maxclients redispy_loading
 celery_refused celery_dns celery_unset celery_wrongpass celery_rediss celery_lost rq_refused rq_lost django_refused django_unset django_wrongpass
 rb_url_unset rb_refused_remote rb_dns rb_timeout rb_no_scheme rb_wrongpass rb_noauth rb_tls_to_plain rb_plain_to_tls rb_oom rb_loading
 sidekiq_refused sidekiq_unset sidekiq_eviction
 go_url_empty go_url_empty_ignored go_no_scheme go_refused_remote go_dns go_timeout go_wrongpass go_noauth go_tls_to_plain
 go_plain_to_tls go_cert go_oom go_maxclients go_loading
 r5_healthy r5_url_unset r5_refused_remote r5_dns r5_timeout r5_no_scheme r5_wrongpass r5_noauth r5_tls_to_plain r5_plain_to_tls
 r5_oom r5_loading r5_legacy_ping"
