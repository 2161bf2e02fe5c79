"""Slow patterns: does a regex backtrack catastrophically? Each pattern runs against adversarial lines built from its
own shape (its repeats pumped after the text before them) in a worker process under a time bound, so a catastrophic
pattern cannot hang `rla rules lint`, nor `rla analyze` loading a user's pack."""

from __future__ import annotations

import multiprocessing
import re
import time
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

from analyzer.engine.regex import Capped, re2_module

ATTACK_LEN = 10_000  # characters of an adversarial line (Render keeps lines far longer than this)
TIME_BUDGET = 1.0  # seconds a pattern may take over all its adversarial lines
EXPONENTIAL_LEN = 256  # long enough for any exponential shape to blow the budget, short for polynomial ones

_CANDIDATES = "a0 -_.:/xZ!@\t\"'={}()[],;|A9"
_CATS = {
    C.CATEGORY_DIGIT: str.isdigit,
    C.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    C.CATEGORY_SPACE: str.isspace,
    C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}


def _in_class(items: list[tuple[Any, Any]], ch: str) -> bool:
    negate = False
    hit = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit = hit or ord(ch) == av
        elif op is C.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is C.CATEGORY:
            hit = hit or _CATS.get(av, lambda c: False)(ch)
    return hit != negate


def _char(op: Any, av: Any) -> str:
    if op is C.LITERAL:
        return chr(av)
    if op is C.NOT_LITERAL:
        return "a" if chr(av) != "a" else "b"
    if op is C.IN:
        return next((c for c in _CANDIDATES if _in_class(av, c)), "a")
    return "a"  # ANY and anything else


def _sample(node: Any) -> str:
    """A short string the subpattern matches (good enough to pump a repeat)."""
    out = []
    for op, av in node:
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            out.append(_char(op, av))
        elif op is C.SUBPATTERN:
            out.append(_sample(av[-1]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            out.append(_sample(av[2]) * min(av[0], 50))
        elif op is C.BRANCH:
            out.append(_sample(av[1][0]))
    return "".join(out)


def _repeats(node: Any) -> list[Any]:
    found = []
    for op, av in node:
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            if av[1] > 1:
                found.append(av[2])
            found.extend(_repeats(av[2]))
        elif op is C.SUBPATTERN:
            found.extend(_repeats(av[-1]))
        elif op is C.BRANCH:
            for branch in av[1]:
                found.extend(_repeats(branch))
    return found


def attack_lines(pattern: str, length: int = ATTACK_LEN) -> list[str]:
    """Adversarial lines: long runs of what each repeat matches, after the text that leads to it,
    ending on a character that makes the match fail; plus generic long lines."""
    lines = [c * length + "!" for c in ("a", " ", "0", "\t")] + ["a " * (length // 2) + "\x00", "a:" * (length // 2)]
    try:
        parsed = P.parse(pattern)
    except re.error:
        return lines
    top = list(parsed)
    for i, item in enumerate(top):
        prefix = _sample(P.SubPattern(parsed.state, top[:i]))
        for body in _repeats(P.SubPattern(parsed.state, [item])):
            pump = _sample(body) or "a"
            run = pump * max(1, length // len(pump))
            lines += [prefix + run + "\x00", prefix + run + "!\n", prefix + run]
    return list(dict.fromkeys(lines))


def _worker(conn: Any, patterns: list[str], length: int, bounded: bool = False) -> None:
    conn.send(-1)  # started
    if bounded and re2_module() is not None:
        # RE2 will match in linear time: what is left to refuse is the exponential shapes, which
        # short lines show on every machine (load never turns a polynomial pattern into a refusal).
        length = min(length, EXPONENTIAL_LEN)
    for i, pattern in enumerate(patterns):
        try:
            rx = Capped(re.compile(pattern)) if bounded else re.compile(pattern)
            for line in attack_lines(pattern, length):
                rx.search(line)
        except re.error:
            pass
        conn.send(i)


def slow_patterns(patterns: list[str], budget: float = TIME_BUDGET, length: int = ATTACK_LEN,
                  bounded: bool = False) -> dict[int, float]:
    """Index -> budget of each pattern that did not finish its adversarial lines within `budget`.
    `bounded`: a user pack's patterns, as they will run (analyzer.regex.compile_bounded): with RE2
    (linear time) only exponential shapes matter, so the lines are short; without it Python's engine
    sees the first UNTRUSTED_SPAN characters of each line.

    Patterns run one after the other in a worker process; one that overruns is recorded, the worker
    is killed and a new one goes on with the next pattern.
    """
    if not patterns:
        return {}
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    slow: dict[int, float] = {}
    todo = list(range(len(patterns)))
    while todo:
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_worker, args=(send, [patterns[i] for i in todo], length, bounded), daemon=True)
        proc.start()
        send.close()
        done = 0
        stuck = None
        try:
            if not receive.poll(30):  # the worker never started
                raise RuntimeError("the pattern-timing worker did not start")
            receive.recv()
            while done < len(todo):
                started = time.monotonic()
                if receive.poll(budget):
                    receive.recv()
                    done += 1
                else:
                    stuck = todo[done]
                    slow[stuck] = round(max(budget, time.monotonic() - started), 2)
                    break
        except EOFError:  # the worker died on a pattern (memory): count it as slow
            stuck = todo[done]
            slow[stuck] = budget
        finally:
            if proc.is_alive():
                proc.kill()
            proc.join()
            receive.close()
        todo = todo[done + 1 :] if stuck is not None else []
    return slow
