"""The URL lint, items 3 and 4 offline: is the host a Render Key Value (internal, external, a
hand-made or cut name, localhost, an IP), is its port Render's, and do scheme, TLS and password fit
the kind of URL. Called by analyzer.urllint once the value is read.
"""

from __future__ import annotations

from analyzer.i18n import Msg as M
from analyzer.model import Severity
from analyzer.urllint.checklist import CheckResult, fail, ok, warn
from analyzer.urllint.redisurl import DEFAULT_PORT, HANDMADE_HOST, LOOSE_INTERNAL_HOST, REGIONS, RedisURL


INTERNAL_EXAMPLE = "redis://red-xxxxxxxxxxxxxxxxxxxx:6379"


COPY_FIX = M("lint.copy_fix")


def check_host(url: RedisURL, var: str, shown: str, on_render: bool) -> list[CheckResult]:
    out: list[CheckResult] = []
    h = (url.host or "").lower()

    # --- item 3, offline part: is the host a Render Key Value at all? -----------------------
    if url.kind == "local":
        msg = M("lint.localhost.msg", var=var, host=url.host)
        cause = M("lint.localhost.cause")
        fix = M("lint.use_internal_fix", example=INTERNAL_EXAMPLE)
        out.append(fail("host.localhost", 3, Severity.CRITICAL, msg, cause, fix, value=shown) if on_render
                   else warn("host.localhost", 3, msg, cause, fix, value=shown))
    elif url.kind == "internal":
        out.append(ok("host.internal", 3, M("lint.host_internal.ok", host=url.host), value=shown,
                      data={"instance": url.instance_id}))
    elif url.kind == "external":
        if url.region not in REGIONS:
            out.append(
                warn(
                    "host.external-region", 3, M("lint.external_region.msg", host=url.host, region=url.region),
                    M("lint.external_region.cause", regions=', '.join(REGIONS)),
                    COPY_FIX, value=shown,
                )
            )
        else:
            out.append(ok("host.external", 3, M("lint.host_external.ok", region=url.region), value=shown,
                          data={"instance": url.instance_id, "region": url.region}))
    elif (hm := HANDMADE_HOST.match(h)) is not None:
        out.append(
            fail(
                "host.handmade", 3, Severity.CRITICAL, M("lint.handmade.msg", host=url.host),
                M("lint.handmade.cause"),
                M("lint.handmade.fix", id=hm.group('id')),
                value=shown,
            )
        )
    elif LOOSE_INTERNAL_HOST.match(h):
        out.append(
            fail(
                "host.short-id", 3, Severity.CRITICAL,
                M("lint.short_id.msg", host=url.host, n=len(h) - 4),
                M("lint.short_id.cause"),
                COPY_FIX, value=shown,
            )
        )
    elif h.endswith(".onrender.com"):
        out.append(
            fail(
                "host.onrender", 3, Severity.CRITICAL, M("lint.onrender.msg", host=url.host),
                M("lint.onrender.cause"),
                M("lint.use_internal_fix", example=INTERNAL_EXAMPLE), value=shown,
            )
        )
    elif url.kind == "ip":
        out.append(
            warn(
                "host.ip", 3, M("lint.ip.msg", var=var, host=url.host),
                M("lint.ip.cause"),
                M("lint.ip.fix", example=INTERNAL_EXAMPLE), value=shown,
            )
        )
    else:
        out.append(
            CheckResult(
                "host.not-render", 3, "unknown", Severity.INFO,
                M("lint.not_render", host=url.host),
                value=shown,
            )
        )

    # --- port on Render hosts ---------------------------------------------------------------
    if url.kind in ("internal", "external") and url.port not in (None, DEFAULT_PORT):
        out.append(
            warn(
                "url.render-port", 2, M("lint.render_port.msg", port=url.port, default=DEFAULT_PORT),
                M("lint.render_port.cause", default=DEFAULT_PORT),
                M("lint.render_port.fix", default=DEFAULT_PORT), value=shown,
            )
        )

    # --- item 4, offline part: TLS/scheme consistency, internal vs external -------------------
    if url.scheme is None:
        return out  # a wrong scheme is item 2's failure; TLS cannot be judged
    if url.kind == "internal" and url.tls:
        out.append(
            fail(
                "tls.internal-rediss", 4, Severity.ERROR, M("lint.internal_rediss.msg"),
                M("lint.internal_rediss.cause"),
                M("lint.internal_rediss.fix", host=url.host, port=url.effective_port),
                value=shown,
            )
        )
    elif url.kind == "internal":
        out.append(ok("tls.internal", 4, M("lint.tls_internal.ok"), value=shown))
    elif url.kind == "external":
        if not url.tls:
            out.append(
                fail(
                    "tls.external-plaintext", 4, Severity.ERROR,
                    M("lint.external_plaintext.msg"),
                    M("lint.external_plaintext.cause"),
                    M("lint.external_plaintext.fix"),
                    value=shown,
                )
            )
        if not url.has_password:
            out.append(
                fail(
                    "auth.external-no-password", 4, Severity.ERROR, M("lint.external_no_password.msg"),
                    M("lint.external_no_password.cause"),
                    M("lint.external_no_password.fix"),
                    value=shown,
                )
            )
        if url.tls and on_render:
            out.append(
                warn(
                    "tls.external-from-render", 4, M("lint.external_from_render.msg"),
                    M("lint.external_from_render.cause"),
                    M("lint.external_from_render.fix"),
                    value=shown,
                )
            )
        elif url.tls and url.has_password:
            out.append(ok("tls.external", 4, M("lint.tls_external.ok"), value=shown))
    return out
