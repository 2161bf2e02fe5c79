"""Issue 13, heldout66's classes (session 16, Python, Go and Ruby apps in deployment): redis-py's NOAUTH said without
its code ('Authentication required.') inside a library's own sentence that names Redis (kombu's quoted URL, cacheops'
warning) is the missing password; WRONGPASS is Redis' password refusal whatever words follow it or wherever a terminal
wrapped them; port 0 is no server's port (the port setting reached the client empty), whatever the dial then says; a
list of host:port given where Go dials one address is a malformed setting; a printed Redis URL on a non-loopback IPv4
address (a docker bridge's) is a URL shown, so a later loopback refusal means it never reached that client; tail's
'==> file <==' header is not Render's platform line; a cache library's degrade-on-failure warning (cacheops) is the
app's fallback and still says the failure's class; a log viewer's human date before each line (Kibana's Discover) is
a line format; rq-scheduler's 'Acquired Lock' is a Redis write that worked. Real output: the batch's public pastes
(samples/public/heldout66.yaml), GNU tail's own header, and earlier batches' lines."""

from __future__ import annotations

import pytest

from analyzer.sources.formats import parse_line
from tests.conftest import diag_of, public_paste

# (paste, verdict, root cause): the batch's pastes each class was made from
PASTES = [
    # kombu's sentence quoted without its full stop (goauthentik/authentik#4230)
    ("python/authentik-4230.log", "failing", "redis-noauth"),
    # cacheops' degrade-on-failure warning: the fallback, and the class its error says (netbox-community/netbox#5752)
    ("python/netbox-5752.log", "degraded", "redis-noauth"),
    # asynq's WRONGPASS wrapped at 78 columns (PatchMon/PatchMon#745)
    ("go/patchmon-745.log", "failing", "redis-wrongpass"),
    # 'dial tcp 10.96.137.238:0: i/o timeout' (goharbor/harbor-helm#87)
    ("go/harbor-helm-87.log", "failing", "redis-url-malformed"),
    # two Sentinels in one host setting: 'too many colons in address' (goharbor/harbor#13614)
    ("go/harbor-13614.log", "failing", "redis-url-malformed"),
    # Sidekiq booted on redis://172.17.0.123, the web process dialled 127.0.0.1:6379 (sidekiq/sidekiq#2696)
    ("ruby/sidekiq-2696.log", "failing", "redis-url-ignored"),
    # Kibana's 'April 15th 2023, 02:41:35.532' before a redis-py traceback (getredash/contrib-helm-chart#124)
    ("python/redash-helm-124.log", "failing", "redis-connection-timeout"),
    # tail's '==> Press Ctrl-C to exit <==' over a loopback refusal: no Render inference (binux/pyspider#355)
    ("python/pyspider-355.log", "failing", "redis-econnrefused"),
]


@pytest.mark.parametrize(("paste", "state", "root"), PASTES)
def test_heldout66_class_reads_its_paste(paste, state, root):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, root)


def test_rq_scheduler_acquiring_its_lock_is_the_client_working():
    # public getredash/redash#6369: rq-scheduler's DEBUG loop, no error line
    assert diag_of(public_paste("healthy/redash-6369.log")).verdict.state == "healthy"


# (line, root cause): lines next to a class that must keep their own reading
LINES = [
    # real (samples/raw/ioredis/noauth.log): the code, in a rule's own words
    ("[ioredis] Unhandled error event: ReplyError: NOAUTH Authentication required.\n", "redis-noauth"),
    # the same host on Redis' port: a refusal, not a port setting
    ("Error 111 connecting to 10.96.137.238:6379. Connection refused.\n", "redis-econnrefused"),
    # a URL where Go wants host:port stays the URL pattern's (real: samples/raw/classes/more-clients.log's wording)
    ("redis ping failed: dial tcp: address redis://red-d0cjkelq67qs70c2kvup:6379: too many colons in address\n",
     "redis-url-malformed"),
]


@pytest.mark.parametrize(("line", "root"), LINES)
def test_neighbouring_lines_keep_their_reading(line, root):
    assert diag_of(line).verdict.root_cause == root


@pytest.mark.parametrize("text", [
    # an HTTP API's 401 in a line naming no Redis
    "ERROR: GET https://api.example.com/v1/orders failed: 401 Authentication required.\n",
    # a PostgreSQL host list in Go's dialer: another service's setting
    "pq: dial tcp: address db1:5432,db2:5432: too many colons in address\n",
])
def test_the_class_words_without_redis_are_no_redis_failure(text):
    assert diag_of(text).verdict.state not in ("failing", "degraded")


def test_a_sidekiq_boot_on_the_loopback_address_shows_no_remote_url():
    boot = '2015-12-07T14:40:18.289Z 312 TID-bt84s INFO: Booting Sidekiq 4.0.1 with redis options {:url=>"redis://127.0.0.1:6379/12"}\n'
    refusal = "App 263 stderr: 2015-12-07 14:39:32 - Redis::CannotConnectError - Error connecting to Redis on 127.0.0.1:6379 (Errno::ECONNREFUSED):\n"
    assert diag_of(boot + refusal).verdict.root_cause == "redis-econnrefused"


def test_tails_header_is_not_render_but_renders_lines_are():
    # real: GNU coreutils tail 9.1 with two files prints '==> a.log <==' above each file's lines
    refusal = "Error: connect ECONNREFUSED 127.0.0.1:6379\n"
    assert diag_of("==> a.log <==\n" + refusal).verdict.root_cause == "redis-econnrefused"
    assert diag_of("==> Running 'node server.js'\n" + refusal).verdict.root_cause == "redis-url-not-set"


@pytest.mark.parametrize(("line", "time", "message"), [
    # Kibana before 7 (public heldout66 getredash/contrib-helm-chart#124), indented by the paste: a frame keeps its own
    # indentation after the single blank that follows the time
    ('  April 15th 2023, 02:41:35.532   File "/usr/local/lib/python3.7/site-packages/redis/connection.py", line 550, in connect',
     "April 15th 2023, 02:41:35.532",
     '  File "/usr/local/lib/python3.7/site-packages/redis/connection.py", line 550, in connect'),
    # Kibana 7 with its table's tabs (public heldout38 goharbor/harbor#14943)
    ("\tMay 20, 2021 @ 13:17:57.286\tcore\tharbor-prod\t2021-05-20T11:17:57Z [ERROR] [/lib/orm/orm.go:72]: begin",
     "May 20, 2021 @ 13:17:57.286", "core\tharbor-prod\t2021-05-20T11:17:57Z [ERROR] [/lib/orm/orm.go:72]: begin"),
])
def test_a_log_viewers_human_date_is_the_lines_time(line, time, message):
    record = parse_line(line, "<test>", 1)
    assert record is not None and (record.time, record.message) == (time, message)


def test_the_render_legacy_dashboard_line_keeps_its_format():
    record = parse_line("Sep 1 01:30:54 PM  Error: connect ECONNREFUSED 127.0.0.1:6379", "<test>", 1)
    assert record is not None and record.time == "Sep 1 01:30:54 PM"
