"""Issue 13, heldout69's classes (session 17, Ruby and PHP apps in deployment, a fourth round): an error tracker's issue
body puts the exception's class on one line and its message on the next ('**RedisException** in **artisan queue:work**'
then 'Connection lost', Bugsnag), and the two are one entry, read through the message's failure class; Symfony's Redis
DSN check ('Invalid Redis DSN: "" does not start with "redis:"', 5.4's 'it does not start with "redis[s]:"' and
'Invalid Redis DSN.') is a REDIS_URL that is empty or malformed; its Sentinel lookup ('Failed to retrieve master
information from sentinel "mymaster".') is a Sentinel that gave no master; systemd's lines for a Redis unit that exits
on start ('snap.nextcloud.redis-server.service: Start request repeated too quickly', cut by systemctl's width) are the
server that could not start; and a process manager's line about a deployment's process named after Sidekiq
('Unable to start com.bitnami.discourse-sidekiq: Cannot find pid file …') is no Redis error. Real output: the batch's
public pastes (samples/public/heldout69.yaml) and samples/raw/classes/session17-h72-symfony.log (Symfony 5.4.53 on
phpredis, made by samples/capture/classes/run_s17_h72.sh)."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of, public_paste

BAD = ("failing", "degraded")
CAPTURE = "session17-h72-symfony.log"

# (paste, verdict, root cause): the batch's pastes each class was made from
PASTES = [
    # faveosuite/faveo-helpdesk#8011: Bugsnag's '**RedisException** in **…queue:work redis…**' then 'Connection lost'
    ("php/faveo-helpdesk-8011.log", "failing", "redis-connection-dropped"),
    # jimmycleuren/loxone-weather-service#327: Symfony 6's 'Invalid Redis DSN: "" does not start with "redis:" …'
    ("php/loxone-weather-service-327.log", "failing", "redis-url-empty"),
    # symfony/symfony#62718: redis-messenger's 'Failed to retrieve master information from sentinel "mymaster".' (the
    # thread's cause, TLS Sentinels dialled in plaintext, is not in the log: what it shows is the lookup that failed)
    ("php/symfony-62718.log", "failing", "redis-sentinel-no-master"),
    # nextcloud-snap/nextcloud-snap#1431: systemd gives up on snap.nextcloud.redis-server.service
    ("php/nextcloud-snap-1431.log", "failing", "redis-server-start-failed"),
]


@pytest.mark.parametrize(("paste", "state", "root"), PASTES)
def test_heldout69_class_reads_its_paste(paste, state, root):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, root)


def test_a_process_named_after_sidekiq_is_no_redis_error():
    # bitnami/bitnami-docker-discourse#147: nami cannot find the discourse-sidekiq process' pid file
    assert diag_of(public_paste("ruby/bitnami-docker-discourse-147.log")).verdict.state not in BAD


# (capture section, root cause): Symfony 5.4.53's own messages, printed as the app's logger prints them
SYMFONY = [
    ("RedisAdapter::createConnection('')", "redis-url-malformed"),
    ("RedisAdapter::createConnection('http://redis:6379')", "redis-url-malformed"),
    ("RedisAdapter::createConnection('redis://')", "redis-url-malformed"),
    ("RedisAdapter::createConnection('redis://127.0.0.1:9201?redis_sentinel=mymaster')", "redis-sentinel-no-master"),
]


@pytest.mark.parametrize(("section", "root"), SYMFONY)
def test_symfony_dsn_and_sentinel_messages(section, root):
    diag = diag_of(capture_section(CAPTURE, section))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", root)


# (paste, verdict, root cause): neighbours that keep their own reading
NEIGHBOURS = [
    # heldout62 faveosuite/faveo-helpdesk#8138: the tracker's header joined to 'Connection refused' stays a refusal
    ("php/faveo-helpdesk-8138.log", "failing", "redis-econnrefused"),
    # heldout24 lagotto/lagotto#606: '**Redis::TimeoutError** in **sidekiq#default**' then 'Connection timed out'
    ("ruby/lagotto-606.log", "degraded", "redis-pool-timeout"),
    # heldout69 exercism/website#2484: a tracker's SMTP failure in a Sidekiq mail job is no Redis failure
    ("ruby/exercism-2484.log", None, None),
]


@pytest.mark.parametrize(("paste", "state", "root"), NEIGHBOURS)
def test_neighbouring_pastes_keep_their_reading(paste, state, root):
    diag = diag_of(public_paste(paste))
    if state is None:
        assert diag.verdict.state not in BAD
    else:
        assert (diag.verdict.state, diag.verdict.root_cause) == (state, root)
