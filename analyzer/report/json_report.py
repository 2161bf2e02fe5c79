"""--format json: the canonical, versioned diagnosis (schema 1, documented in the README)."""

from __future__ import annotations

import json

from analyzer.model import Diagnosis
from analyzer.report import ReportContext, to_dict


def render_json(diag: Diagnosis, ctx: ReportContext) -> str:
    return json.dumps(to_dict(diag, ctx), ensure_ascii=False, indent=2) + "\n"
