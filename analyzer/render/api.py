"""A client for the parts of the Render public API that rla uses.

- `RenderClient`: the HTTP client of analyzer/render/http.py (pacing, retries, one-sentence errors)
  with the endpoints rla reads.
- Logs: `fetch_logs` walks the time-window pagination to the end (echoing `nextStartTime`/
  `nextEndTime`), dedupes by `id` and sorts by time; a stop half-way returns what was fetched
  with the reason and the part of the window left (queries and times: analyzer/render/logs.py).
- Resources (also used by `rla doctor`): services, env vars, env groups, Key Value, deploys, owners.

The names of http.py and logs.py are imported here too: callers import the client's whole face
from this module.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from analyzer.render.http import (  # noqa: F401 - re-exported: the client's public face
    DEFAULT_BASE_URL,
    USER_AGENT,
    AuthError,
    BadRequestError,
    ConfigError,
    ConnectFailed,
    ForbiddenError,
    HttpClient,
    NotFoundError,
    Progress,
    RenderAPIError,
    ResolveError,
    RetriesExhausted,
    RetryPolicy,
    is_loopback,
    normalize_base_url,
)
from analyzer.render.logs import (  # noqa: F401 - re-exported: the client's public face
    LOG_PAGE_FALLBACK,
    LOG_PAGE_LIMIT,
    MAX_RETENTION_DAYS,
    RETENTION_TEXT,
    FetchResult,
    LogQuery,
    format_dt,
    format_ns,
    label_filter,
    parse_duration,
    parse_time,
    resolve_window,
    short_ts,
    ts_ns,
)

LIST_LIMIT = 100
# a 400's words for the largest page: "limit must be between 1 and 100", "maximum 100", "<= 100", "at most 100"
_LIMIT_MAX = re.compile(r"(?:between\s+\d+\s+and|max(?:imum)?(?:\s+(?:is|of))?:?|<=?|at\s+most|up\s+to)\s*(\d{1,6})\b")
_OTHER_LOG_PARAMS = ("starttime", "endtime", "ownerid", "resource", "direction", "retention", "level", "instance")

# A service reference: an ID (srv-…, crn-… cron jobs, red-… Key Value) or a service name.
_ID_SHAPE = re.compile(r"(srv|crn|red)-[a-z0-9][a-z0-9-]{3,60}")  # a name may look like an ID too
REF_FORMS = ("a service ID (srv-… or crn-…, lowercase letters and digits), a Key Value ID (red-…), "
             "or the service's name")


def check_ref(ref: str) -> str:
    """The reference stripped, or ConfigError naming the accepted forms (before any request)."""
    ref = ref.strip()
    if not ref or len(ref) > 255 or any(ord(c) < 32 or c in "/?#\\" for c in ref):
        raise ConfigError(f"{ref[:60]!r} is not a service: give {REF_FORMS}.")
    if re.match(r"(?i)(srv|crn|red)-", ref) and not _ID_SHAPE.fullmatch(ref):
        raise ConfigError(f"{ref[:60]!r} is not a valid ID: give {REF_FORMS}.")
    return ref


def load_api_key(api_key_file: str | os.PathLike | None = None, env: dict[str, str] | None = None) -> str:
    """The key from `--api-key-file` (first non-empty line) or `RENDER_API_KEY`."""
    env = os.environ if env is None else env
    if api_key_file:
        path = Path(api_key_file).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"Cannot read the API key file {path}: {exc.strerror or exc}.") from None
        key = next((line.strip() for line in text.splitlines() if line.strip()), "")
        if not key:
            raise ConfigError(f"The API key file {path} is empty.")
    else:
        key = env.get("RENDER_API_KEY", "").strip()
        if not key:
            raise ConfigError(
                "No Render API key: set RENDER_API_KEY or pass --api-key-file FILE "
                "(create a key under Account Settings > API Keys in the Render dashboard)."
            )
    if not re.fullmatch(r"[\x21-\x7e]+", key):
        raise ConfigError("The Render API key contains spaces or characters that cannot be sent in a header.")
    return key


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    owner_id: str
    kind: str  # service type, or "key_value"
    region: str | None = None

# --------------------------------------------------------------------------- client


class RenderClient(HttpClient):
    def _list_all(self, path: str, wrapper: str, params: list[tuple[str, str]] | None = None,
                  max_items: int | None = None) -> list[dict]:
        """Cursor pagination: pass the last item's cursor until a short or empty page."""
        out: list[dict] = []
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            q = list(params or []) + [("limit", str(LIST_LIMIT))]
            if cursor:
                q.append(("cursor", cursor))
            page = self.get(path, q)
            if not isinstance(page, list):
                raise RenderAPIError(f"Unexpected answer from {path}: expected a list.")
            for item in page:
                if isinstance(item, dict) and wrapper in item:
                    out.append(item[wrapper])
            if len(page) < LIST_LIMIT or not page:
                break
            cursor = page[-1].get("cursor") if isinstance(page[-1], dict) else None
            if not cursor or cursor in seen or (max_items and len(out) >= max_items):
                break
            seen.add(cursor)
        return out[:max_items] if max_items else out

    # -- resources (the doctor uses these too)
    def list_owners(self) -> list[dict]:
        return self._list_all("owners", "owner")

    def get_service(self, service_id: str) -> dict:
        return self.get(f"services/{service_id}")

    def list_services(self, names: Iterable[str] = (), owner_ids: Iterable[str] = ()) -> list[dict]:
        q: list[tuple[str, str]] = []
        names, owner_ids = list(names), list(owner_ids)
        if names:
            q.append(("name", ",".join(names)))  # style form, explode false
        if owner_ids:
            q.append(("ownerId", ",".join(owner_ids)))
        return self._list_all("services", "service", q)

    def list_env_vars(self, service_id: str) -> list[dict]:
        """Every env var set on the service (`[{key, value}]`, all pages). Values are secrets."""
        return self._list_all(f"services/{service_id}/env-vars", "envVar")

    def list_env_groups(self, owner_id: str | None = None) -> list[dict]:
        """Env group metadata (no values). The API returns a plain array without cursors."""
        out: list[dict] = []
        seen: set[str] = set()
        cursor: str | None = None
        while True:
            q = [("limit", str(LIST_LIMIT))] + ([("ownerId", owner_id)] if owner_id else [])
            if cursor:
                q.append(("cursor", cursor))
            page = self.get("env-groups", q)
            if not isinstance(page, list):
                raise RenderAPIError("Unexpected answer from env-groups: expected a list.")
            new = [g for g in page if isinstance(g, dict) and g.get("id") not in seen]
            out.extend(new)
            seen.update(g.get("id") for g in new)
            if len(page) < LIST_LIMIT or not new:
                break
            cursor = new[-1].get("id")
        return out

    def get_env_group(self, env_group_id: str) -> dict:
        return self.get(f"env-groups/{env_group_id}")

    def list_env_groups_for_service(self, service_id: str, owner_id: str | None = None) -> list[dict]:
        """The env groups linked to a service, each with its `envVars`."""
        if owner_id is None:
            owner_id = self.get_service(service_id).get("ownerId")
        linked = [g for g in self.list_env_groups(owner_id)
                  if any(link.get("id") == service_id for link in g.get("serviceLinks") or [])]
        return [self.get_env_group(g["id"]) for g in linked]

    def list_key_values(self, names: Iterable[str] = (), owner_ids: Iterable[str] = ()) -> list[dict]:
        q: list[tuple[str, str]] = []
        names, owner_ids = list(names), list(owner_ids)
        if names:
            q.append(("name", ",".join(names)))
        if owner_ids:
            q.append(("ownerId", ",".join(owner_ids)))
        return self._list_all("key-value", "keyValue", q)

    def get_key_value(self, key_value_id: str) -> dict:
        return self.get(f"key-value/{key_value_id}")

    def get_connection_info(self, key_value_id: str) -> dict:
        """`{internalConnectionString, externalConnectionString, cliCommand}`: holds the password."""
        return self.get(f"key-value/{key_value_id}/connection-info")

    def list_deploys(self, service_id: str, limit: int | None = 20) -> list[dict]:
        """Deploys, newest first (`limit=None`: all of them)."""
        return self._list_all(f"services/{service_id}/deploys", "deploy", max_items=limit)

    # -- resolution
    def resolve(self, ref: str, owner: str | None = None) -> Resource:
        """A `srv-…`/`red-…` id or a service (or Key Value) name -> the resource and its owner."""
        ref = check_ref(ref)
        if re.fullmatch(r"(srv|crn)-[a-z0-9]+", ref):
            svc = self.get_service(ref)
            return self._service_resource(svc, owner)
        if re.fullmatch(r"red-[a-z0-9]+", ref):
            kv = self.get_key_value(ref)
            return Resource(kv["id"], kv.get("name", ref), owner or (kv.get("owner") or {}).get("id", ""),
                            "key_value", kv.get("region"))
        owners = [owner] if owner else []
        hits = self.list_services([ref], owners)
        hits = [s for s in hits if s.get("name") == ref] or hits
        if len(hits) == 1:
            return self._service_resource(hits[0], owner)
        if len(hits) > 1:
            listing = "; ".join(f"{s['id']} ({s.get('type', '?')}, workspace {s.get('ownerId', '?')})" for s in hits)
            raise ResolveError(f"{len(hits)} services are named {ref!r}: {listing}; pass the srv-… ID or --owner.")
        kvs = [k for k in self.list_key_values([ref], owners) if k.get("name") == ref]
        if len(kvs) == 1:
            kv = kvs[0]
            return Resource(kv["id"], kv["name"], owner or kv["owner"]["id"], "key_value", kv.get("region"))
        if len(kvs) > 1:
            listing = "; ".join(f"{k['id']} (Key Value)" for k in kvs)
            raise ResolveError(f"{len(kvs)} Key Value instances are named {ref!r}: {listing}; pass the red-… ID.")
        everything = self.list_services((), owners)
        names = sorted({s["name"] for s in everything})
        import difflib

        close = difflib.get_close_matches(ref, names, n=5, cutoff=0.5)
        close += [n for n in names if ref.lower() in n.lower() and n not in close]
        pick = close or names[:10]
        cands = ", ".join(
            f"{s['name']} ({s['id']})" for n in pick[:10] for s in everything if s["name"] == n
        )
        hint = f" Did you mean: {cands}?" if close else (f" Services this key can see: {cands}." if cands else
                                                          " This key sees no services.")
        raise ResolveError(f"No service or Key Value named {ref!r}.{hint}")

    @staticmethod
    def _service_resource(svc: dict, owner: str | None) -> Resource:
        region = (svc.get("serviceDetails") or {}).get("region")
        return Resource(svc["id"], svc.get("name", svc["id"]), owner or svc["ownerId"], svc.get("type", "service"),
                        region)

    # -- logs
    # The largest /v1/logs page this client's host takes, once known. The spec says 100, the Render
    # CLI asks 1000 (render-api.md): the first log request of a run tries the query's limit (1000), a
    # 400 about it sets this, and no later request of the run (a second page, doctor's Key Value logs,
    # another fetch) tries a refused size again. Per client, so per host and per run.
    log_limit: int | None = None

    def _limit_refused(self, limit: int, exc: BadRequestError) -> bool:
        """Whether a 400 refused the page size (then `log_limit` is what the host said it takes, or the
        spec's 100): a probe is made at most once per client, and not for a 400 about something else."""
        if limit <= LOG_PAGE_FALLBACK or (self.log_limit is not None and self.log_limit <= limit):
            return False  # nothing smaller to try, or this size was taken before: the 400 is about something else
        text = str(exc).lower()
        if "limit" not in text and any(name in text for name in _OTHER_LOG_PARAMS):
            return False  # the server named another parameter: retrying smaller pages would not help
        said = _LIMIT_MAX.search(text)
        taken = int(said.group(1)) if said and "limit" in text else LOG_PAGE_FALLBACK
        self.log_limit = taken if 1 <= taken < limit else LOG_PAGE_FALLBACK
        return True

    def log_pages(self, query: LogQuery) -> Iterator[dict]:
        """Every page of /logs for the query's window, echoing nextStartTime/nextEndTime.

        The page size is the query's, at most what this host is known to take (`log_limit`)."""
        start = format_dt(query.start) if query.start else None
        end = format_dt(query.end) if query.end else None
        base = query.params() + [("direction", query.direction)]
        while True:
            limit = min(query.limit, self.log_limit or query.limit)
            q = list(base) + [("limit", str(limit))]
            if start:
                q.append(("startTime", start))
            if end:
                q.append(("endTime", end))
            try:
                page = self.get("logs", q)
            except BadRequestError as exc:
                if self._limit_refused(limit, exc):
                    continue
                raise
            if self.log_limit is None or limit > self.log_limit:
                self.log_limit = limit  # taken: every later query of this client may ask as much
            if not isinstance(page, dict) or not isinstance(page.get("logs"), list):
                raise RenderAPIError("Unexpected answer from /logs: no `logs` list.")
            page["_request_window"] = (start, end)
            yield page
            if not page.get("hasMore"):
                return
            nxt = (page.get("nextStartTime"), page.get("nextEndTime"))
            if not nxt[0] or not nxt[1]:
                raise RenderAPIError("The Render API said there were more logs but gave no next window.")
            if nxt == (start, end):
                raise RenderAPIError("The Render API pagination did not move forward (same window again).")
            start, end = nxt

    def last_log_time(self, owner_id: str, resources: list[str]) -> str | None:
        """The newest log's timestamp (the server's own window: its last hour), or None."""
        page = self.get("logs", LogQuery(owner_id, resources).params() + [("direction", "backward"), ("limit", "1")])
        logs = page.get("logs") if isinstance(page, dict) else None
        best: tuple[int, str] | None = None
        for log in logs if isinstance(logs, list) else []:
            try:
                stamp = (ts_ns(log["timestamp"]), log["timestamp"])
            except (TypeError, KeyError, ValueError):
                continue
            best = max(best or stamp, stamp)
        return best[1] if best else None

    def fetch_logs(self, query: LogQuery) -> FetchResult:
        """Every log in the window exactly once, read back in time order (`FetchResult.read()`). The
        pages go to a spool on disk as they arrive (analyzer/render/spool.py: memory stays flat). Never
        raises for a stop half-way: the result carries the error (or the interruption), the part of the
        window left, and every log fetched until then."""
        from analyzer.render.logs import log_key
        from analyzer.render.spool import LogSpool

        spool = LogSpool(log_key)
        res = FetchResult(spool=spool, page_limit=query.limit)
        res.window_start = format_dt(query.start) if query.start else None
        res.window_end = format_dt(query.end) if query.end else None
        pending: tuple[str | None, str | None] = (res.window_start, res.window_end)
        requests_before = self.requests
        unspooled: dict | None = None  # a page received and not yet written whole

        def spooled(page: dict) -> None:
            nonlocal pending
            spool.add(page["logs"])
            res.pages += 1
            # what remains to fetch: the next window the server gave
            pending = (page.get("nextStartTime"), page.get("nextEndTime")) if page.get("hasMore") else (None, None)

        try:
            for page in self.log_pages(query):
                unspooled = page
                spooled(page)
                unspooled = None
                if query.direction == "backward":
                    covered = (pending[1] or res.window_start, res.window_end)
                else:
                    covered = (res.window_start, pending[0] or res.window_end)
                self.progress.page(spool.count, res.pages, covered[0], covered[1])
        except RenderAPIError as exc:
            res.complete = False
            res.error = exc
        except KeyboardInterrupt:
            res.complete = False
            res.interrupted = True
            if unspooled is not None:  # Ctrl-C while a page was written: it was fetched, it is kept
                spooled(unspooled)
        if not res.complete:
            res.missing_start, res.missing_end = pending
        res.page_limit = min(query.limit, self.log_limit or query.limit)
        res.requests = self.requests - requests_before
        res.count, res.duplicates = spool.count, spool.duplicates
        return res


def client_from_env(api_key_file: str | None = None, api_url: str | None = None,
                    **kw: Any) -> RenderClient:
    """The client as the commands build it: key from --api-key-file or RENDER_API_KEY,
    base URL from --api-url, else RENDER_HOST, else https://api.render.com/v1."""
    key = load_api_key(api_key_file)
    env_url = os.environ.get("RENDER_HOST") or None
    url_from = "--api-url" if api_url else ("RENDER_HOST" if env_url else None)
    return RenderClient(key, api_url or env_url, url_from=url_from, **kw)
