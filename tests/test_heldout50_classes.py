"""Issue 13, heldout50's classes (a third blind batch of public pastes of Ruby and PHP apps, measured on arrival): Ruby's
report of a refusal nobody rescued ('socket.rb:1214:in `__connect_nonblock': Connection refused - connect(2) for
127.0.0.1:6379 (Errno::ECONNREFUSED)') is the refusal rule's, with its address, so the loopback reading on a PaaS holds;
a dot-less Redis host that does not resolve is a name, not a piece of a broken URL, when it is a paste's placeholder
('hostname') or when a database's host does not resolve in the same log either (the app runs outside the network where
service names resolve); PDO's 'SQLSTATE[…]' line is a SQL database's. Every log here is real output: the public pastes
of samples/public/ (their threads in samples/README.md, section E, "Fiftieth batch") and lines quoted from them or from
earlier captures."""

from __future__ import annotations

from tests.conftest import diag_of, public_paste, verdict_of


# --- Ruby's uncaught report of a refusal ---

def test_rubys_uncaught_refusal_on_a_dyno_is_the_unset_url():
    # ActionCable's redis subscriber thread died on Heroku: the paste keeps only redis-rb's cause line, whose address is
    # the client's default; the dyno's 'app[web.1]:' lines say a managed platform, where nothing listens there
    assert verdict_of(public_paste("ruby/postfacto-411.log")) == ("failing", "redis-url-not-set")


def test_rubys_uncaught_refusal_alone_names_its_address():
    # the cause line by itself, platform prefix taken off: the refusal rule's, with the address it names
    line = next(x for x in public_paste("ruby/postfacto-411.log").splitlines() if "__connect_nonblock" in x)
    bare = line.split("app[web.1]: ", 1)[1].replace("127.0.0.1", "10.0.3.7")
    diag = diag_of(bare)
    assert diag.verdict.root_cause == "redis-econnrefused"
    finding = next(f for f in diag.findings if f.rule_id == "redis-econnrefused")
    assert (finding.fields.get("host"), finding.fields.get("port")) == ("10.0.3.7", "6379")


def test_redis_rbs_whole_chain_is_still_one_event():
    # the chain's first line and its cause line are one entry (the frames join them): one refusal, not two
    text = public_paste("../raw/redis-rb/refused-remote.log")
    diag = diag_of(text)
    assert [f.count for f in diag.findings if f.rule_id == "redis-econnrefused"] == [1]


# --- dot-less hosts that do not resolve ---

def test_a_placeholder_over_the_host_is_a_name_not_a_piece_of_the_url():
    # Predis 2 over TLS, 'getaddrinfo failed: Name or service not known [tls://hostname:6379]': the poster replaced the
    # host with the word 'hostname'
    assert verdict_of(public_paste("php/predis-789.log")) == ("failing", "redis-dns-not-found")


def test_a_database_host_unresolved_beside_it_makes_the_redis_host_a_name():
    # Laradock under PhpStorm's debugger, outside the compose network: 'reids' (a typo) and MySQL's host both fail
    assert verdict_of(public_paste("php/laradock-2503.log")) == ("failing", "redis-dns-not-found")


def test_without_the_database_line_a_short_dotless_host_stays_a_piece_of_the_url():
    # the same Redis line alone: nothing says the network; the house reading of a short dot-less name holds
    line = public_paste("php/laradock-2503.log").splitlines()[1]
    assert "reids" in line
    assert verdict_of(line) == ("failing", "redis-url-malformed")


def test_pdos_sqlstate_line_is_the_databases():
    # the MySQL line right under Predis' failure: a SQL database's lookup, listed as not Redis, never counted as Redis
    diag = diag_of(public_paste("php/laradock-2503.log"))
    dns = next(f for f in diag.findings if f.rule_id == "redis-dns-not-found")
    assert dns.count == 1
    assert any("SQLSTATE" in n.sample for n in diag.not_redis)
