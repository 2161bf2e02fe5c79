"""`rla doctor --blueprint render.yaml`: the example Blueprints of samples/blueprint/ (Render's own
Sidekiq example, and one mutation of it per mistake), each caught at its line, in every format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer.render.blueprint import BlueprintError, check_blueprint, infer_use, load_blueprint  # noqa: E402

EXAMPLES = ROOT / "samples" / "blueprint"
SCHEMAS = ROOT / "tests" / "schemas"


def rla(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("RENDER_", "GITHUB_"))}
    base.update({"NO_COLOR": "1", "RLA_LANG": "en", "PYTHONPATH": str(ROOT), "RENDER_HOST": "http://127.0.0.1:9/v1"})
    base.update(env or {})
    return subprocess.run([sys.executable, "-m", "analyzer", "doctor", *args], capture_output=True, text=True,
                          env=base, timeout=120, cwd=ROOT)


def check(name_or_text: str, **kw):
    text = (EXAMPLES / name_or_text).read_text() if name_or_text.endswith(".yaml") else name_or_text
    return check_blueprint(load_blueprint(text, "render.yaml"), **kw)


def bad(results):
    return [(r.id, r.data["line"]) for r in results if r.status in ("fail", "warn")]


def test_the_render_docs_example_passes():
    results = check("good-sidekiq.yaml")
    assert bad(results) == []
    ids = {r.id for r in results}
    assert {"bp.var.wired", "bp.region", "bp.allowlist", "bp.maxmemory"} <= ids


# each example is good-sidekiq.yaml with one mistake; the line is where the mistake is written
@pytest.mark.parametrize("example, expected", [
    ("bad-property.yaml", [("bp.from.property", 19)]),
    ("bad-type.yaml", [("bp.from.type", 17)]),
    ("bad-name.yaml", [("bp.from.name", 18)]),
    ("bad-region.yaml", [("bp.region", 22)]),
    ("bad-eviction.yaml", [("bp.maxmemory.queue", 5)]),
    ("bad-no-allowlist.yaml", [("bp.allowlist.missing", 2)]),
    ("bad-group.yaml", [("bp.group.reference", 4)]),
    ("bad-external-literal.yaml", [("bp.allowlist.external", 6), ("bp.var.literal", 16),
                                   ("tls.external-from-render", 16)]),
    ("bad-literal-url.yaml", [("bp.var.literal", 16), ("url.whitespace", 16), ("tls.internal-rediss", 16)]),
])
def test_each_mistake_is_caught_at_its_line(example, expected):
    assert bad(check(example)) == expected


def test_queue_use_is_inferred_and_said():
    results = check("bad-eviction.yaml")
    r = next(r for r in results if r.id == "bp.maxmemory.queue")
    assert r.status == "fail" and "sidekiq-worker startCommand: sidekiq" in r.message
    assert r.data["use"] == "queue" and r.data["strength"] == "strong"


BULLMQ = """
services:
  - type: keyvalue
    name: jobs
    ipAllowList: []
  - type: worker
    name: mailer
    runtime: node
    buildCommand: npm ci
    startCommand: node dist/worker.js
    envVars:
      - key: REDIS_URL
        fromService: {type: keyvalue, name: jobs, property: connectionString}
      - key: BULLMQ_CONCURRENCY
        value: "5"
"""


def test_default_policy_is_allkeys_lru_and_fails_a_bullmq_queue():
    results = check(BULLMQ)
    r = next(r for r in results if r.id == "bp.maxmemory.queue")
    assert r.status == "fail" and "allkeys-lru (the default, not written)" in r.message
    assert "BULLMQ" in r.message and r.data["line"] == 3


def test_a_worker_name_alone_only_warns_and_use_overrides():
    text = BULLMQ.replace("      - key: BULLMQ_CONCURRENCY\n        value: \"5\"\n", "")
    r = next(r for r in check(text) if r.id.startswith("bp.maxmemory"))
    assert (r.id, r.status, r.data["strength"]) == ("bp.maxmemory.queue", "warn", "weak")
    r = next(r for r in check(text, use="cache") if r.id.startswith("bp.maxmemory"))
    assert (r.id, r.status) == ("bp.maxmemory", "ok")


def test_cache_with_noeviction_warns():
    text = """
services:
  - type: keyvalue
    name: cache
    ipAllowList: []
    maxmemoryPolicy: noeviction
  - type: web
    name: site
    runtime: node
    envVars:
      - key: REDIS_URL
        fromService: {type: keyvalue, name: cache, property: connectionString}
"""
    assert bad(check(text)) == [("bp.maxmemory.cache", 6)]


def test_invalid_policy_generate_value_from_database_and_missing_var():
    text = """
services:
  - type: redis
    name: kv
    ipAllowList: [{source: 0.0.0.0/0, description: everywhere}]
    maxmemoryPolicy: allkeys_lfu_typo
  - type: web
    name: a
    envVars:
      - key: REDIS_URL
        generateValue: true
  - type: web
    name: b
    envVars:
      - key: REDIS_URL
        fromDatabase: {name: kv, property: connectionString}
  - type: worker
    name: c
    startCommand: celery -A app worker
"""
    assert bad(check(text)) == [("bp.allowlist.open", 5), ("bp.maxmemory.invalid", 6), ("bp.var.generated", 11),
                                ("bp.from.database", 16), ("bp.var.missing", 17)]


def test_projects_and_environments_are_read_and_other_var_names():
    text = """
projects:
  - name: shop
    environments:
      - name: production
        services:
          - type: keyvalue
            name: cache
            region: frankfurt
            ipAllowList: []
          - type: web
            name: api
            envVars:
              - key: CACHE_URL
                fromService: {type: keyvalue, name: cache, property: hostport}
"""
    # api has no region (oregon by default): the line is the service's own
    assert sorted(bad(check(text, var="CACHE_URL"))) == [("bp.from.property", 15), ("bp.region", 11)]


def test_infer_use_without_hints_is_cache():
    assert infer_use([]) == ("cache", "none", [])


@pytest.mark.parametrize("text", ["services: [\n  - a: 1\n", "- just\n- a list\n"])
def test_not_a_blueprint_is_one_sentence(text):
    with pytest.raises(BlueprintError):
        load_blueprint(text, "render.yaml")


# ---- the command --------------------------------------------------------------------------


def test_cli_good_exit_0_bad_exit_1_no_key_no_network():
    p = rla("--blueprint", "samples/blueprint/good-sidekiq.yaml")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "0 failed, 0 warning(s)" in p.stdout and p.stderr == ""
    p = rla("--blueprint", "samples/blueprint/bad-property.yaml")
    assert p.returncode == 1
    assert "samples/blueprint/bad-property.yaml:19" in p.stdout and "[error, bp.from.property]" in p.stdout


def test_cli_secrets_never_shown():
    p = rla("--blueprint", "samples/blueprint/bad-external-literal.yaml", "-f", "json")
    assert "s3cretpassw0rd" not in p.stdout and "«secret-1»" in p.stdout
    doc = json.loads(p.stdout)
    assert doc["mode"] == "blueprint" and doc["counts"]["fail"] == 1


def test_cli_sarif_is_valid_and_points_at_file_and_line():
    p = rla("--blueprint", "samples/blueprint/bad-region.yaml", "--format", "sarif")
    assert p.returncode == 1
    doc = json.loads(p.stdout)
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
    assert not errors, errors[:3]
    (result,) = doc["runs"][0]["results"]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "samples/blueprint/bad-region.yaml"
    assert loc["region"]["startLine"] == 22 and result["ruleId"] == "bp.region"


def test_cli_github_annotations_and_markdown():
    p = rla("--blueprint", "samples/blueprint/bad-no-allowlist.yaml", "-f", "github")
    assert p.stdout.startswith("::error file=samples/blueprint/bad-no-allowlist.yaml,line=2,title=rla bp.allowlist.missing::")
    p = rla("--blueprint", "samples/blueprint/bad-no-allowlist.yaml", "-f", "markdown")
    assert "| ❌ | samples/blueprint/bad-no-allowlist.yaml:2 | `bp.allowlist.missing` |" in p.stdout


def test_cli_french():
    p = rla("--blueprint", "samples/blueprint/bad-region.yaml", "--lang", "fr")
    assert "le service rails-web est à oregon mais le Key Value sidekiq-keyvalue est à ohio" in p.stdout


@pytest.mark.parametrize("args, marker", [
    (["--blueprint", "nope.yaml"], "cannot read nope.yaml"),
    (["--blueprint", "samples/blueprint/good-sidekiq.yaml", "srv-abc"], "--blueprint checks a file offline"),
    (["srv-abc", "-f", "sarif"], "--format sarif is for --blueprint"),
])
def test_cli_usage_errors_exit_2(args, marker, tmp_path):
    p = rla(*args)
    assert p.returncode == 2 and marker in p.stderr and "Traceback" not in p.stderr


def test_cli_bad_yaml_exit_2_with_line(tmp_path):
    f = tmp_path / "render.yaml"
    f.write_text("services:\n  - type: keyvalue\n    name: [unclosed\n")
    p = rla("--blueprint", str(f))
    assert p.returncode == 2 and "is not valid YAML at line" in p.stderr and "Traceback" not in p.stderr


def test_a_group_from_outside_the_file_is_a_warning_not_a_missing_variable():
    text = """
services:
  - type: keyvalue
    name: q
    ipAllowList: []
    maxmemoryPolicy: noeviction
  - type: worker
    name: jobs
    startCommand: bundle exec sidekiq
    envVars:
      - fromGroup: shared-from-dashboard
"""
    assert bad(check(text)) == [("bp.group.unknown", 11)]
    # the same service with no group at all: the variable is missing
    assert bad(check(text.replace("    envVars:\n      - fromGroup: shared-from-dashboard\n", ""))) == \
        [("bp.var.missing", 7)]


def test_deprecated_redis_type_without_allowlist():
    # the shape of a render.yaml in a public design document: `type: redis` both ways, no ipAllowList
    text = """
services:
  - type: web
    name: quiz-websocket-server
    env: ruby
    startCommand: bundle exec puma -C config/puma.rb
    envVars:
      - key: REDIS_URL
        fromService:
          type: redis
          name: quiz-redis
          property: connectionString
  - type: redis
    name: quiz-redis
    plan: starter
    maxmemoryPolicy: noeviction
"""
    results = check(text)
    assert bad(results) == [("bp.allowlist.missing", 13), ("bp.maxmemory.cache", 16)]
    notes = {r.id for r in results if r.severity.label == "info"}
    assert {"bp.from.alias", "bp.kv.alias"} <= notes
