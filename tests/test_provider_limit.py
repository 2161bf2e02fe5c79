"""A managed provider's plan limit (rules/redis/server/redis-provider-limit.yaml): Upstash's and Vercel KV's 'ERR max …
exceeded. Limit: N, Usage: M' is a cause of its own, the limit and its numbers in the evidence. Public pastes of four
blind batches (samples/README.md section E), each labelled 'a provider quota no rule names' when gathered."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, diag_of


@pytest.mark.parametrize(
    "paste,limit,allowed",
    [
        ("node/domain-digger-36.log", "daily request limit", "10000"),
        ("node/emailengine-452.log", "request size", "1048576"),
        ("node/medusa-admin-654.log", "daily request limit", "10000"),
        ("node/requestindexing-2.log", "daily request limit", "3000"),
        ("node/rsshub-20937.log", "requests limit", "500000"),
        ("php/leopardo-hr-7206.log", "requests limit", "500000"),
    ],
)
def test_a_plan_limit_is_named_with_its_numbers(paste, limit, allowed):
    diag = diag_of((ROOT / "samples" / "public" / paste).read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-provider-limit")
    (finding,) = [f for f in diag.findings if f.rule_id == "redis-provider-limit"]
    assert (finding.fields["limit"], finding.fields["allowed"]) == (limit, allowed)


def test_upstashs_connection_limit_is_max_clients():
    diag = diag_of("ReplyError: ERR max concurrent connections exceeded")  # Upstash's troubleshooting page's words
    assert diag.verdict.root_cause == "redis-max-clients"
