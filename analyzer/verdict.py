"""The judged events read as a verdict: which reclassification decides an aggregate, the state
each hit gives the timeline, the last state's window and its root cause. A part of `Judge`
(analyzer.judge), kept apart because it reads the judge's state and never changes it."""

from __future__ import annotations

from analyzer.model import Evidence, Finding, Reclassify, Severity, Verdict


MAX_FALLBACK_RUNS = 32  # runs of fallback lines kept for the verdict (a fallback per request folds into one run)
FallbackRun = tuple[int, Evidence, int, Evidence, str]  # first seq, its evidence, last seq, its evidence, the rule


def note_fallback(runs: list[FallbackRun], hit: tuple[int, Evidence], rule_id: str) -> None:
    """The judge's book of `event: fallback` hits, as runs of one rule, bounded: the verdict names the first fallback
    of its window (the note's memory cache, not express-session's MemoryStore warning printed after it)."""
    if runs and runs[-1][4] == rule_id:
        runs[-1] = (*runs[-1][:2], *hit, rule_id)
    else:
        runs.append((*hit, *hit, rule_id))
        del runs[:-MAX_FALLBACK_RUNS]


_PERSISTENT = 5  # a down cause seen this often in the window is the outage; a blip seen once beside it is not


class VerdictReading:
    # -- the verdict -------------------------------------------------------------------------

    def _final_id(self, key: tuple[str, tuple[int | None, ...]]) -> str:
        item = self._final_item(key)
        return item.to if item is not None else key[0]

    def _final_item(self, key: tuple[str, tuple[int | None, ...]]) -> Reclassify | None:
        """The reclassify entry that decides this aggregate's rule (None: it stays what it matched)."""
        rule_id, conds = key
        rule = self.rules[rule_id]
        for item, held in zip(rule.reclassify, conds):
            if held is None:
                continue
            if item.seen and item.seen not in self._seen_rules:
                continue
            if item.not_seen and item.not_seen in self._seen_rules:
                continue
            if item.alone and self._other_redis_rule_seen(rule_id):
                continue
            if item.to in self.rules:
                return item
        return None

    def _other_redis_rule_seen(self, rule_id: str) -> bool:
        """A rule about Redis other than this one matched somewhere in the log (a context fact does not count)."""
        for other in self._seen_rules:
            rule = self.rules.get(other)
            if other != rule_id and rule is not None and rule.topic.startswith("redis/") and rule.kind != "context":
                return True
        return False

    def _fields_of(self, rule_id: str | None) -> dict[str, list[str]]:
        """The evidence of the first finding of a rule (a `seen` condition's): a `because` may name it."""
        if rule_id is None:
            return {}
        agg = min((a for k, a in self._aggs.items() if k[0] == rule_id), key=lambda a: a.first_seq, default=None)
        return agg.fields if agg is not None else {}

    def _timeline_rule(self, key: tuple[str, tuple[int | None, ...]]) -> str:
        final = self._final_id(key)
        return "" if self.rules[final].kind == "context" else final

    def _timeline_state(self, key: tuple[str, tuple[int | None, ...]]) -> str | None:
        # as the verdict reads a state: none for a hit reclassified into a fact about another service
        final = self._final_id(key)
        return None if self.rules[final].kind == "context" else (self.rules[final].state or self.rules[key[0]].state)

    def _verdict(self, findings: dict[str, Finding], first_seq: dict[str, int]) -> Verdict:
        events: list[tuple[int, str, str]] = []  # seq, final rule id, state
        hidden = self._hidden()
        for seq, key in self._timeline:
            if key in hidden:
                continue
            final = self._final_id(key)
            if self.rules[final].kind == "context":
                continue  # reclassified into a fact (another service's port): says nothing about Redis
            state = self.rules[final].state or self.rules[key[0]].state
            if state:
                events.append((seq, final, state))
        if not events or self._lone(events, findings):
            return Verdict("unknown")
        last_up = max((i for i, e in enumerate(events) if e[2] == "up"), default=-1)
        after = events[last_up + 1 :]
        before = events[:last_up]
        if any(e[2] == "degraded" for e in after):
            # commands failed, then the process stopped: the app no longer uses Redis at all (issue 13); or the
            # commands were turned away because the client cannot reach Redis at all
            state = "failing" if self._stopped_after(after) or self._symptoms_of_down(after) else "degraded"
        elif any(e[2] == "down" for e in after):
            state = "failing"
        elif last_up >= 0 and any(e[2] != "up" for e in before):
            lasting = self._lasting(events[:last_up])
            state = "degraded" if lasting else "recovered"
            after = lasting or after
        else:
            return Verdict("healthy")
        window = after if state in ("degraded", "failing") else before
        root = self._root_cause([e[1] for e in window], first_seq, {k: f.count for k, f in findings.items()})
        if state == "recovered":
            since = findings[events[last_up][1]].last
        else:
            start = next((e for e in after if e[2] == "degraded"), after[0]) if state == "degraded" else after[0]
            since = findings[start[1]].first if start[1] in findings else None
        # "the errors stopped after the deploy at 06:12": the last failure is older than the last deploy
        last_bad = max(
            (
                a.last_seq
                for k, a in self._aggs.items()
                if k not in hidden
                and self.rules[self._final_id(k)].kind != "context"
                and (self.rules[self._final_id(k)].state or self.rules[k[0]].state) in ("down", "degraded")
            ),
            default=None,
        )
        after_deploy = None
        if self._deploy is not None and last_bad is not None and self._deploy[0] > last_bad:
            after_deploy = self._deploy[1]
        # the fallback is named only when the log shows it, in the current bad window, by its own rule (an app's memory
        # cache is not cacheops going to the database)
        fallback = fallback_rule = None
        if state in ("degraded", "failing"):
            start = after[0][0]
            run = next((r for r in self._fallback_runs if r[2] >= start), None)
            if run is not None:
                fallback, fallback_rule = (run[1] if run[0] >= start else run[3]), run[4]
        return Verdict(state, root, since, after_deploy, fallback, fallback_rule)

    def _lone(self, events: list[tuple[int, str, str]], findings: dict[str, Finding]) -> bool:
        """The log's only Redis state is one hit of a `lone` symptom (rules/affinity.yaml: one 'reconnecting' line,
        no error, no second attempt, no success): the client's retry strategy at work once, which the next attempt the
        log does not show may end. No outage by itself: the finding is listed, the verdict says nothing."""
        lone = self.affinity.lone if self.affinity is not None else frozenset()
        rule = events[0][1]
        return len(events) == 1 and rule in lone and rule in findings and findings[rule].count == 1

    def _lasting(self, before: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
        """The refusals no retry lifts (`lasting`: an ACL's NOPERM, WRONGTYPE, a command the server lacks) before the
        app's last success, with no deploy after them: the success is another command's, the refused one is refused
        still (public heldout40 django-rq-709: RQ's pubsub thread refused its channel, the worker then listening)."""
        lasting = [e for e in before if e[2] == "degraded" and self.rules[e[1]].lasting]
        if lasting and self._deploy is not None and self._deploy[0] > lasting[-1][0]:
            return []  # deployed since: the fix may be in
        return lasting

    def _symptoms_of_down(self, after: list[tuple[int, str, str]]) -> bool:
        """Every degraded event of the window is a symptom (the client turned a command away: the offline queue, a pool
        or read timeout) and a cause that takes Redis down is there too (the host does not resolve, refuses, times out,
        rejects the password): the symptom is that cause seen from the app, which cannot use Redis at all. "Degraded"
        says Redis answers but refuses some commands, or the app runs on a fallback: a degraded *cause* (OOM, READONLY)
        or a fallback line (`event: fallback`) keeps it so."""
        if any(e[2] == "degraded" and (self.rules[e[1]].kind == "cause" or self.rules[e[1]].event == "fallback") for e in after):
            return False  # Redis answers and refuses, or the app runs on its fallback: degraded
        return any(e[2] == "down" and self.rules[e[1]].kind == "cause" for e in after)

    def _stopped_after(self, after: list[tuple[int, str, str]]) -> bool:
        """A process stopped (an `event: exit` line: Celery's 'Unrecoverable error', Render's '==> Exited with status 1')
        after the client turned commands away (a degraded symptom: a pool or read timeout, the offline queue), on an
        instance that showed them (or one the log does not name). "Degraded" says the app still runs on a Redis that
        answers; here nothing shows Redis answering and the app no longer runs. A degraded *cause* is a reply of the
        server refusing a command (OOM, READONLY, MISCONF): Redis answers, and a crash after it keeps it degraded."""
        if not self._exits:
            return False
        degraded = {e[1] for e in after if e[2] == "degraded"}
        if any(self.rules[r].kind == "cause" for r in degraded):
            return False
        first = next(e[0] for e in after if e[2] == "degraded")
        streams: set[str] = set()
        for key, agg in self._aggs.items():
            if self._final_id(key) in degraded:
                streams.update(agg.instances or [""])
        return any(seq >= first and (not stream or "" in streams or stream in streams) for stream, seq in self._exits.items())

    def _root_cause(self, rule_ids: list[str], first_seq: dict[str, int], counts: dict[str, int] | None = None) -> str | None:
        """The most severe cause in the window; a symptom only when no cause explains it. A blip (rules/affinity.yaml
        `blips`: a lone failed lookup among a storm of refusals, the resolver's hiccup, not the outage) seen once where
        another down cause of the window was seen again and again ranks after that one, whatever their severities."""
        ids = set(rule_ids) | {r for r in self._seen_rules if self.rules[r].kind == "cause" and r in first_seq}
        window = set(rule_ids)
        order = {r: i for i, r in enumerate(self.rules)}
        counts = counts or {}
        blips = self.affinity.blips if self.affinity is not None else frozenset()
        persistent = bool(blips) and any(
            counts.get(r, 0) >= _PERSISTENT and self.rules[r].kind == "cause" and self.rules[r].state == "down" for r in window
        )
        ranked = sorted(
            (r for r in ids if r in first_seq and self.rules[r].severity >= Severity.WARNING),
            key=lambda r: (
                self.rules[r].kind != "cause",
                r not in window,
                persistent and r in blips and counts.get(r, 0) == 1,
                -self.rules[r].severity,
                first_seq[r],
                order[r],  # two causes on one line: the pack's order, never the set's (it varied with PYTHONHASHSEED)
            ),
        )
        return ranked[0] if ranked else None
