"""Issue 9: French and English. The catalogue is complete, the language is chosen the documented
way, a French run gives the same diagnosis and exit code as an English one, and only human text
changes (JSON keys, rule ids, statuses stay English)."""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyzer.cli.app import Level, exit_code  # noqa: E402
from analyzer.expect import load_expectations  # noqa: E402
from analyzer.model import Verdict  # noqa: E402
from analyzer.i18n import CATALOGUE, LANGS, Msg, detect_lang, error, said, t, texts, tr  # noqa: E402
from analyzer.pipeline import diagnose  # noqa: E402
from analyzer.report import ReportContext, fallback_phrase  # noqa: E402
from analyzer.report.dispatch import render  # noqa: E402
from analyzer.engine.rules import load_rules, missing_languages, parse_rule  # noqa: E402
from analyzer.sources.files import InputError, Problems, expand, read_sources  # noqa: E402
from analyzer.urllint import ITEMS, lint_redis_url  # noqa: E402

SAMPLES = ROOT / "samples"
RULES = load_rules()
INTERNAL = "redis://red-d1abc2def3ghi4jkl5mn:6379"

# The rules written from the user's note (diagnostic-redis.fr.md): their French is the note's own.
SEED = {
    "redis-cache-connected", "redis-connecting", "redis-connection-error", "redis-connection-test-failed",
    "redis-memory-cache-fallback", "redis-ping-unexpected", "redis-ready", "redis-session-store-ready",
    "redis-url-empty", "redis-url-ignored", "redis-url-malformed", "redis-url-not-set", "redis-url-set",
    "redis-url-whitespace", "redis-connection-timeout", "redis-econnrefused",
}  # fmt: skip


def rla(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI as a user runs it, with no language setting inherited from the test machine."""
    base = {k: v for k, v in os.environ.items() if k not in ("RLA_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    base.update({"NO_COLOR": "1", "COLUMNS": "250", "PYTHONPATH": str(ROOT), "RENDER_HOST": "http://127.0.0.1:9/v1"})
    base.update(env or {})
    return subprocess.run([sys.executable, "-m", "analyzer", *args], capture_output=True, text=True, env=base,
                          cwd=ROOT, timeout=120, input=stdin)


# --------------------------------------------------------------------------------------------
# (a) the catalogue
# --------------------------------------------------------------------------------------------


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_catalogue_key_has_every_language_with_the_same_placeholders(key: str):
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGS), f"{key}: languages {sorted(entry)}, expected {list(LANGS)}"
    for lang in LANGS:
        assert isinstance(entry[lang], str) and entry[lang].strip(), f"{key}.{lang} is empty"
    assert _fields(entry["fr"]) == _fields(entry["en"]), f"{key}: French and English placeholders differ"


# Entries whose French is rightly the same as the English (names, symbols, loanwords).
SAME_IN_FRENCH = {
    "col.cause", "instances", "rules.cause", "rules.docs", "doctor.src.service", "doctor.src.group", "doctor.near",
    "doctor.other_value", "doctor.title.service", "doctor.label.cause", "lint.format.port", "sev.ok", "sev.info",
    "html.cause", "html.count", "html.sources", "tl.step.h", "tl.step.min", "tl.step.s",  # issue 18: same words
    "html.check.col.verdict", "html.check.mark.pass",
}  # fmt: skip


def test_french_is_written_not_copied():
    """A French entry equal to its English one is a forgotten translation, unless listed above."""
    copied = sorted(k for k, e in CATALOGUE.items() if e["fr"] == e["en"] and k not in SAME_IN_FRENCH)
    assert not copied, f"French identical to English: {copied}"


def _code_keys() -> set[str]:
    """Every literal key the code asks the catalogue for: t("…"), Msg/M("…"), error("…")."""
    keys: set[str] = set()
    for path in (ROOT / "analyzer").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r"""\b(?:t|M|Msg|error)\(\s*["']([a-z0-9_.]+)["']""", text))
    return keys


def test_every_key_the_code_uses_is_in_the_catalogue():
    missing = sorted(k for k in _code_keys() if k not in CATALOGUE)
    assert not missing, f"keys used in the code but missing from analyzer/i18n/en.py: {missing}"


def test_keys_built_at_run_time_exist():
    dynamic = [f"item.{n}" for n in range(1, 9)] + ["item.internal"]
    dynamic += [f"verdict.{s}" for s in ("healthy", "degraded", "failing", "recovered", "unknown")]
    dynamic += [f"ws.{w}.{n}" for w in ("space", "tab", "newline", "cr", "other") for n in ("1", "n")]
    dynamic += [f"doctor.fetch.{w}" for w in ("env_vars", "env_groups", "key_value", "connection_info", "deploys", "logs")]
    dynamic += [f"doctor.logs.state.{s}" for s in ("failing", "degraded")]
    dynamic += [f"doctor.label.{k}" for k in ("value", "cause", "fix")]
    dynamic += [f"ci.{w}.{n}" for w in ("files", "passed", "unreadable") for n in ("1", "n")]
    dynamic += [f"check.rules.{w}.{n}" for w in ("test", "lint") for n in ("1", "n")]
    dynamic += [f"ci.md.title.{s}" for s in ("passed", "failed")] + [f"ci.table.{s}" for s in ("passed", "failed")]
    dynamic += [f"html.check.col.{c}" for c in ("state", "file", "verdict", "gate")]
    dynamic += [f"html.check.mark.{m}" for m in ("pass", "warn", "unknown", "fail", "missing", "pending", "error")]
    assert [k for k in dynamic if k not in CATALOGUE] == []


def test_every_language_file_lists_its_keys_in_the_english_order():
    """The language files read side by side: a key goes at the same place in each (analyzer/i18n/)."""
    english = list(texts("en"))
    for lang in LANGS:
        assert list(texts(lang)) == english, f"analyzer/i18n/{lang}.py: keys not in en.py's order"


def _imported(*args: str) -> set[str]:
    """The analyzer modules a real `rla` run imports, from python -X importtime."""
    env = {k: v for k, v in os.environ.items() if k not in ("RLA_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    p = subprocess.run([sys.executable, "-X", "importtime", "-m", "analyzer", *args], capture_output=True, text=True,
                       env={**env, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}, cwd=ROOT, timeout=120)
    assert p.returncode == 1, p.stderr[-2000:]  # the sample is degraded: a diagnosis was printed
    return set(re.findall(r"^import time:.*\|\s*(analyzer[\w.]*)$", p.stderr, re.M))


def test_an_english_run_does_not_import_the_french_catalogue():
    sample = "samples/dashboard/node-app/degraded.txt"
    english, french = _imported("analyze", sample), _imported("analyze", sample, "--lang", "fr")
    assert "analyzer.i18n.en" in english and "analyzer.i18n.fr" not in english
    assert {"analyzer.i18n.en", "analyzer.i18n.fr"} <= french  # the French run shows the check can see it


def test_msg_is_english_text_that_renders_again_in_french():
    m = Msg("lint.empty.msg", var="REDIS_URL")
    assert m == "REDIS_URL is empty" and isinstance(m, str)
    assert tr(m, "fr") == "REDIS_URL est vide"
    assert tr("plain text", "fr") == "plain text" and tr(None, "fr") is None
    nested = Msg("lint.whitespace.msg", var="REDIS_URL", where=Msg("lint.ws.end", ws=Msg("ws.newline.1")))
    assert nested == "REDIS_URL has whitespace at the end: a newline (\\n)"
    assert tr(nested, "fr") == "REDIS_URL a des espaces : un saut de ligne (\\n) à la fin"


def test_an_error_passed_on_as_str_is_still_translated():
    with pytest.raises(InputError) as exc:
        expand(["/definitely/not/here.log"])
    assert str(exc.value) == "/definitely/not/here.log: no such file."  # English unchanged
    assert said(str(exc.value), "fr") == "/definitely/not/here.log : fichier introuvable."
    assert said("some other text", "fr") == "some other text"
    assert said(error("input.denied", path="x"), "fr") == "x : permission refusée."


# --------------------------------------------------------------------------------------------
# (b) which language
# --------------------------------------------------------------------------------------------

LOCALE_TABLE = [
    # --lang, environment, language
    ("fr", {}, "fr"),
    ("en", {"RLA_LANG": "fr", "LANG": "fr_FR.UTF-8"}, "en"),
    ("FR", {}, "fr"),
    ("fr_CA", {}, "fr"),
    (None, {"RLA_LANG": "fr"}, "fr"),
    (None, {"RLA_LANG": "en", "LC_ALL": "fr_FR.UTF-8"}, "en"),
    (None, {"RLA_LANG": "fr", "LANG": "en_US.UTF-8"}, "fr"),
    (None, {"LC_ALL": "fr_FR.UTF-8"}, "fr"),
    (None, {"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
    (None, {"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),  # LC_ALL set wins, as POSIX says
    (None, {"LC_ALL": "", "LANG": "fr_FR.UTF-8"}, "fr"),  # empty is unset
    (None, {"LC_MESSAGES": "fr_FR.UTF-8"}, "fr"),
    (None, {"LC_MESSAGES": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
    (None, {"LANG": "fr_FR.UTF-8"}, "fr"),
    (None, {"LANG": "fr_CA"}, "fr"),
    (None, {"LANG": "fr"}, "fr"),
    (None, {"LANG": "fr_BE.ISO-8859-1"}, "fr"),
    (None, {"LANG": "fr_FR@euro"}, "fr"),
    (None, {"LANG": "C"}, "en"),
    (None, {"LANG": "C.UTF-8"}, "en"),
    (None, {"LANG": "POSIX"}, "en"),
    (None, {"LANG": "en_US.UTF-8"}, "en"),
    (None, {"LANG": "de_DE.UTF-8"}, "en"),
    (None, {}, "en"),
]


@pytest.mark.parametrize(("option", "env", "want"), LOCALE_TABLE,
                         ids=[f"{o or '-'}|{' '.join(f'{k}={v}' for k, v in e.items()) or 'unset'}"
                              for o, e, _ in LOCALE_TABLE])
def test_language_detection(option: str | None, env: dict[str, str], want: str):
    assert detect_lang(option, env) == want


def test_unknown_lang_option_is_a_usage_error():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        detect_lang("de", {})
    p = rla("analyze", "--lang", "de", "-", stdin="", env={"LANG": "fr_FR.UTF-8"})
    assert p.returncode == 2
    assert p.stderr == "rla : erreur : langue inconnue 'de' (attendu : en, fr)\n"  # said in the locale's language


# --------------------------------------------------------------------------------------------
# (c) every sample: same diagnosis in both languages, French text in the French report
# --------------------------------------------------------------------------------------------

EXPECTED = load_expectations(SAMPLES / "expected.yaml")
RUNNABLE = sorted(s for s, e in EXPECTED.items() if not e.pending)
HUMAN = {"title", "cause", "solution", "after_fix", "text", "because"}  # the only JSON values that change with the language


def _keys(doc: Any, path: str = "") -> set[str]:
    if isinstance(doc, dict):
        return {f"{path}.{k}" for k in doc} | {p for k, v in doc.items() for p in _keys(v, f"{path}.{k}")}
    if isinstance(doc, list):
        return {p for v in doc for p in _keys(v, f"{path}[]")}
    return set()


def _machine(doc: Any) -> Any:
    if isinstance(doc, dict):
        return {k: _machine(v) for k, v in doc.items() if k not in HUMAN}
    if isinstance(doc, list):
        return [_machine(v) for v in doc]
    return doc


def _run(sample: str, lang: str) -> tuple[Any, dict[str, str], int]:
    diag = diagnose(read_sources([str(SAMPLES / sample)], Problems()), RULES)
    ctx = ReportContext(RULES, lang=lang, color=False, width=200)
    out = {fmt: render(diag, fmt, ctx) for fmt in ("table", "json", "markdown")}
    return diag, out, exit_code(diag, Level.error)


def test_there_are_samples_to_compare():
    assert len(RUNNABLE) >= 10


def _verdict_words(v: Verdict, lang: str) -> str:
    """The verdict's state words in `lang`, the fallback in its rule's words when one was seen."""
    fallback = fallback_phrase(v, ReportContext(RULES, lang=lang))
    if v.state == "degraded":
        return t("verdict.degraded", lang, fallback=fallback) if fallback else t("verdict.degraded_plain", lang)
    return t(f"verdict.{v.state}", lang)


@pytest.mark.parametrize("sample", RUNNABLE)
def test_french_run_gives_the_same_diagnosis_and_exit_code(sample: str):
    diag_en, out_en, code_en = _run(sample, "en")
    diag_fr, out_fr, code_fr = _run(sample, "fr")
    assert [(f.rule_id, f.count) for f in diag_fr.findings] == [(f.rule_id, f.count) for f in diag_en.findings]
    assert (diag_fr.verdict.state, diag_fr.verdict.root_cause) == (diag_en.verdict.state, diag_en.verdict.root_cause)
    assert code_fr == code_en
    doc_en, doc_fr = json.loads(out_en["json"]), json.loads(out_fr["json"])
    assert _keys(doc_fr) == _keys(doc_en)  # same JSON keys in every language
    assert _machine(doc_fr) == _machine(doc_en)  # ids, counts, evidence, states: identical
    # The French report speaks French: the verdict, and each rule's French title where it has one.
    v = diag_fr.verdict
    verdict_fr, verdict_en = (_verdict_words(v, lang) for lang in ("fr", "en"))
    assert verdict_fr in out_fr["table"] and verdict_fr in out_fr["markdown"]
    assert verdict_en not in out_fr["table"]
    said = {f.rule_id: f.said() for f in diag_fr.findings}
    for f in doc_fr["findings"]:
        rule = RULES.get(f["rule"])
        if rule is not None and "fr" in rule.texts:
            # the French steps, those of the fault the evidence shows (Rule.fix: the same pick as in English)
            steps = rule.fix("fr", diag_fr.platform, said[f["rule"]])
            assert f["title"] == rule.texts["fr"].title and f["solution"] == list(steps)
            assert set(steps) <= set(rule.texts["fr"].solution) | set(rule.texts["fr"].elsewhere)
            # status lines (ok) are not findings: named by id in one "Lignes d'état" line
            assert (f["title"] if f["severity"] != "ok" else f["rule"]) in out_fr["markdown"]
    shown = [f for f in doc_fr["findings"] if f["severity"] != "ok"]
    if shown:  # the first screen's own words are French too
        assert t("findings.title", "fr", n=len(shown)) in out_fr["table"] or "Constats (" in out_fr["table"]
        assert t("findings.title", "en", n=len(shown)) not in out_fr["table"]


def test_done_means_a_failing_sample_reads_in_french_with_the_notes_words():
    sample = "samples/api/node-app/degraded.jsonl"
    fr = rla("analyze", sample, "--format", "markdown", env={"LANG": "fr_FR.UTF-8"})
    en = rla("analyze", sample, "--format", "markdown", "--lang", "en", env={"LANG": "fr_FR.UTF-8"})
    assert fr.returncode == en.returncode == 1, fr.stderr + en.stderr
    assert "Redis dégradé" in fr.stdout and "Redis degraded" not in fr.stdout
    assert "Redis degraded" in en.stdout and "Redis dégradé" not in en.stdout
    # the note, ECONNREFUSED: "Cause : Redis n'est pas accessible à l'adresse fournie", its three "Vérifiez…"
    note = RULES.get("redis-econnrefused").texts["fr"]
    assert "Redis n'est pas accessible à l'adresse fournie" in note.cause
    assert note.title in fr.stdout
    for step in note.solution:
        assert step in fr.stdout
    doc = json.loads(rla("analyze", sample, "-f", "json", env={"RLA_LANG": "fr"}).stdout)
    seen = {f["rule"]: f for f in doc["findings"]}
    for rule_id in SEED & set(seen):
        texts = RULES.get(rule_id).texts["fr"]
        assert seen[rule_id]["title"] == texts.title and seen[rule_id]["solution"] == list(texts.solution)


# --------------------------------------------------------------------------------------------
# (d) rla doctor in French
# --------------------------------------------------------------------------------------------


def test_doctor_offline_in_french_uses_the_notes_checklist_and_common_problems():
    p = rla("doctor", "--redis-url", f" {INTERNAL}\n", "--lang", "fr")
    assert p.returncode == 1, p.stderr
    out = p.stdout
    assert "REDIS_URL bien formatée" in out
    assert "REDIS_URL a des espaces : un espace au début et un saut de ligne (\\n) à la fin" in out
    assert "Supprimez les espaces" in out  # the note: "a des espaces → Supprimez les espaces"
    assert "Ce qui ne va pas et que faire :" in out and "solution :" in out and "cause :" in out
    assert "Les points 1 et 5-10 ont besoin du service" in out
    assert "What is wrong" not in out and "has whitespace" not in out and "fix:" not in out
    assert "[error, url.whitespace]" in out  # ids and severities stay as they are


@pytest.mark.parametrize(("url", "fix"), [
    ("", "Remplissez REDIS_URL avec l'URL Redis"),  # "est vide → Remplissez-la avec l'URL Redis"
    ("red-d1abc2def3ghi4jkl5mn:6379", "Vérifiez le format"),  # "est mal formatée → Vérifiez le format"
])
def test_doctor_offline_french_fixes_follow_the_note(url: str, fix: str):
    p = rla("doctor", "--redis-url", url, env={"RLA_LANG": "fr"})
    assert p.returncode == 1 and fix in p.stdout, p.stdout


def test_doctor_json_in_french_keeps_english_keys_ids_and_statuses():
    en = json.loads(rla("doctor", "--redis-url", f"'{INTERNAL}'", "-f", "json", "--lang", "en").stdout)
    fr = json.loads(rla("doctor", "--redis-url", f"'{INTERNAL}'", "-f", "json", "--lang", "fr").stdout)
    assert _keys(fr) == _keys(en)
    strip = lambda d: _machine({k: v for k, v in d.items() if k != "note"})  # noqa: E731
    for item_en, item_fr in zip(en["checklist"], fr["checklist"]):
        assert (item_fr["item"], item_fr["status"], item_fr["severity"]) == (item_en["item"], item_en["status"],
                                                                              item_en["severity"])
        for r_en, r_fr in zip(item_en["results"], item_fr["results"]):
            assert (r_fr["id"], r_fr["status"], r_fr["data"]) == (r_en["id"], r_en["status"], r_en["data"])
            assert r_fr["message"] != r_en["message"]
    assert strip(fr)["counts"] == strip(en)["counts"]
    assert fr["checklist"][0]["title"] == "REDIS_URL bien formatée"


def test_doctor_online_in_french():
    from tests.fake_render_api import FakeRender
    from tests.test_doctor_api import EXTERNAL, FAILING_LOGS, SID, world

    with FakeRender(world(url=EXTERNAL, logs=FAILING_LOGS)) as fake:
        env = {"RENDER_HOST": fake.url, "RENDER_API_KEY": fake.api_key, "LANG": "fr_FR.UTF-8"}
        p = rla("doctor", SID, env=env)
        en = rla("doctor", SID, "--lang", "en", env=env)
    assert p.returncode == en.returncode == 1, p.stderr
    assert 'Service Redis créé sur Render et "Live"' in p.stdout
    assert "c'est l'External URL du service Redis, pas l'Internal Redis URL" in p.stdout
    assert "Diagnostic des logs (la fenêtre de 1h" in p.stdout and "Redis dégradé" in p.stdout
    note = RULES.get("redis-econnrefused").texts["fr"]
    assert note.cause in p.stdout  # item 7 gives the note's cause for the root cause of the logs
    assert "Log diagnosis (the last 1h" in en.stdout and "It is the instance's Internal URL" in en.stdout
    assert [line[:5] for line in p.stdout.splitlines()[2:10]] == [line[:5] for line in en.stdout.splitlines()[2:10]]


def test_checklist_titles_are_the_notes_own_lines():
    note = Path(__file__).resolve().parents[1] / "samples" / "seed" / "diagnostic-redis.fr.md"
    fr = {n: tr(title, "fr") for n, title in ITEMS.items()}
    assert fr[3] == 'Service Redis créé sur Render et "Live"'
    assert fr[1] == "REDIS_URL configurée dans le backend (section Environment)"
    assert fr[4] == "REDIS_URL correspond à l'Internal Redis URL du service Redis"
    assert fr[5] == "Backend et Redis dans la même région (recommandé)"
    assert fr[6] == "Backend redéployé après configuration de REDIS_URL"
    assert fr[7] == 'Logs montrent "✅ Redis cache connected successfully"'
    text = note.read_text(encoding="utf-8").replace("`", "")
    for n in (1, 3, 4, 5, 6, 7):
        assert fr[n] in text


def test_every_lint_result_has_french_text():
    values = ["", "  ", f" {INTERNAL}\n", "redis://localhost:6379", "REDIS_URL=x", f'"{INTERNAL}"', "http://x",
              "redis://red-abc:6379", "rediss://red-d1abc2def3ghi4jkl5mn:6379", "redis://a b:6379",
              "redis://u:p@ss@red-d1abc2def3ghi4jkl5mn:6379", "redis://red-d1abc2def3ghi4jkl5mn:99999/x#y"]
    for value in values:
        for r in lint_redis_url(value):
            for text in (r.message, r.cause, r.fix):
                if text:
                    assert isinstance(text, Msg), (r.id, text)
                    assert tr(text, "fr") != str(text) or str(text).startswith("port "), (r.id, text)


# --------------------------------------------------------------------------------------------
# (e) every rule in both languages
# --------------------------------------------------------------------------------------------


def test_missing_languages():
    base = {"id": "x-rule", "severity": "error", "patterns": ["boom"], "title": "Boom", "cause": "It broke.",
            "solution": ["Fix it."]}
    assert missing_languages(parse_rule(dict(base), "x.yaml")) == ["fr"]
    both = parse_rule({**base, "fr": {"title": "Boum", "cause": "Ça a cassé.", "solution": ["Réparez."]}}, "x.yaml")
    assert missing_languages(both) == []
    assert missing_languages(both, declared=("en",)) == []
    assert missing_languages(both, declared=("en", "fr", "de")) == ["de"]


def test_the_seed_rules_exist():
    assert SEED <= {r.id for r in RULES.rules}


def _rule_params() -> list[Any]:
    return [pytest.param(rule.id, id=rule.id) for rule in sorted(RULES.rules, key=lambda r: r.id)]


@pytest.mark.parametrize("rule_id", _rule_params())
def test_every_rule_has_both_languages(rule_id: str):
    rule = RULES.get(rule_id)
    assert missing_languages(rule, LANGS) == [], f"{rule.path}: no French (fr: title, cause, solution)"
    fr, en = rule.texts["fr"], rule.texts["en"]
    assert fr.title != en.title and fr.cause != en.cause, f"{rule.path}: the French is a copy of the English"


def test_rules_lint_passes_on_our_pack_with_its_languages_declared():
    from analyzer.engine.rules import builtin_rules_dir, pack_languages

    assert pack_languages(builtin_rules_dir()) == LANGS  # rules/pack.yaml: languages: [en, fr]
    en, fr = rla("rules", "lint", "--lang", "en"), rla("rules", "lint", "--lang", "fr")
    assert en.returncode == fr.returncode == 0, en.stdout + en.stderr
    assert f"{len(RULES.rules)} rules linted: no problems" in en.stdout
    assert f"{len(RULES.rules)} règles vérifiées : aucun problème" in fr.stdout


# --------------------------------------------------------------------------------------------
# (f) rla check and rla fetch in French
# --------------------------------------------------------------------------------------------


def test_check_in_french_gives_the_same_exit_code_as_in_english():
    args = ("check", "samples/", "--expect", "samples/expected.yaml")
    en, fr = rla(*args, "--lang", "en"), rla(*args, "--lang", "fr")
    assert en.returncode == fr.returncode == 0, en.stdout[-2000:] + en.stderr
    assert "PASSED: " in en.stdout and "files checked" in en.stdout
    assert "RÉUSSI : " in fr.stdout and "fichiers vérifiés" in fr.stdout and "PASSED" not in fr.stdout
    # a failing gate fails in both languages, with the same code
    args = ("check", "samples/api/node-app/degraded.jsonl", "--fail-on", "warning")
    en, fr = rla(*args, env={"LANG": "en_US.UTF-8"}), rla(*args, env={"LANG": "fr_FR.UTF-8"})
    assert en.returncode == fr.returncode == 1, en.stderr
    assert "FAILED: 1 file checked, 0 passed, 1 failed" in en.stdout
    assert "ÉCHEC : 1 fichier vérifié, 0 réussi, 1 en échec" in fr.stdout
    assert t("verdict.degraded", "fr", fallback="l'application tourne sur le cache mémoire de secours") in fr.stdout


def test_check_errors_in_french():
    p = rla("check", "samples/", "--expect", "samples/expected.yaml", "--baseline", "x.json", "--lang", "fr")
    assert p.returncode == 2
    assert p.stderr == "rla : erreur : utilisez --expect ou une baseline (--baseline / --write-baseline), pas les deux.\n"
    p = rla("check", "samples/", "--baseline", "/nonexistent/b.json", "--lang", "fr")
    assert p.returncode == 2 and "fichier de baseline introuvable" in p.stderr, p.stderr


def test_fetch_without_a_key_says_so_in_french():
    fr = rla("fetch", "srv-d1abc2def3ghi4jkl5mn", env={"LANG": "fr_FR.UTF-8"})  # RENDER_API_KEY: unset below
    en = rla("fetch", "srv-d1abc2def3ghi4jkl5mn", "--lang", "en", env={"LANG": "fr_FR.UTF-8"})
    assert fr.returncode == en.returncode == 2
    assert fr.stderr.startswith("rla : erreur : Pas de clé d'API Render : définissez RENDER_API_KEY"), fr.stderr
    assert en.stderr.startswith("rla: error: No Render API key: set RENDER_API_KEY"), en.stderr


@pytest.fixture(autouse=False)
def _no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RENDER_API_KEY", raising=False)


def test_render_api_errors_are_translated_at_the_boundary(_no_key: None):
    from analyzer.cli.fetch import api_said
    from analyzer.render.live import LogTail  # noqa: F401  (its errors come through the catalogue)
    from analyzer.render import api
    with pytest.raises(api.ConfigError) as exc:
        api.load_api_key(None, env={})
    assert api_said(exc.value, "en") == str(exc.value)  # English: exactly as raised
    assert api_said(exc.value, "fr") == t("api.no_key", "fr")
    assert t("api.no_key", "en") == str(exc.value)  # the catalogue's English is render_api's sentence
    cases = [
        (api.AuthError("The Render API rejected the API key (401): check RENDER_API_KEY or --api-key-file.", status=401),
         "L'API Render a refusé la clé d'API (401) : vérifiez RENDER_API_KEY ou --api-key-file."),
        (api.NotFoundError("Not found on Render (404) (no such service): check the service ID or name.", status=404),
         "Introuvable sur Render (404) (no such service) : vérifiez l'ID ou le nom du service."),
        (api.RetriesExhausted("The Render API kept answering 429 (rate limited) after 5 waits.", status=429),
         "L'API Render a continué de répondre 429 (limite de débit atteinte) après 5 attentes."),
        (api.RenderAPIError("The Render API answered 502 for logs.", status=502), "L'API Render a répondu 502 pour logs."),
        (api.RenderAPIError("Something new nobody translated.", status=None), "Something new nobody translated."),
    ]
    for exc_, want in cases:
        assert api_said(exc_, "en") == str(exc_) and api_said(exc_, "fr") == want
    with pytest.raises(api.ConfigError) as exc:
        api.resolve_window("1h", "2026-01-01T00:00:00Z", None)
    assert api_said(exc.value, "fr") == t("api.since_and_start", "fr")


def test_the_incomplete_window_sentence_in_both_languages():
    from analyzer.cli.fetch import _incomplete
    from analyzer.render.api import FetchResult, RetriesExhausted

    result = FetchResult(count=1200, pages=2, complete=False,
                         error=RetriesExhausted("The Render API failed 5 times in a row (the request timed out)."),
                         missing_start="2026-11-26T06:00:00Z", missing_end="2026-11-26T06:30:00Z")
    assert _incomplete(result, "en") == result.incomplete  # English: render_api's own sentence
    fr = _incomplete(result, "fr")
    assert fr.startswith("la récupération s'est arrêtée après 2 page(s) et 1\u202f200 lignes de log (L'API Render a échoué 5 fois")
    assert "n'ont pas été récupérés" in fr


def test_the_verdict_joins_its_parts_with_the_languages_separator():
    diag = diagnose(read_sources([str(SAMPLES / "api/node-app/degraded.jsonl")], Problems()), RULES)
    from analyzer.report import verdict_text

    en = verdict_text(diag, ReportContext(RULES, lang="en", color=False, width=200))
    fr = verdict_text(diag, ReportContext(RULES, lang="fr", color=False, width=200))
    assert "; root cause: " in en and " ; " not in en
    assert " ; cause : " in fr  # French typography: a space before the semicolon
