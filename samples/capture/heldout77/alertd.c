/* alertd: an alert dispatcher in C on hiredis (Debian libhiredis-dev 0.14), logging its own errors syslog-style on
 * stderr. REDIS_URL is parsed by the app (redis://[user:pass@]host[:port][/db]); at start it checks the server's
 * maxmemory-policy (CONFIG GET, as queue services do) and warns if it cannot; each 0.8 s round queues an alert
 * (LPUSH) and dispatches one (RPOP), then checks PostgreSQL (DATABASE_URL's host, a TCP connect) and the paging API
 * (API_HOST:443) when set. A failed connection is freed and made again next round. */
#include <hiredis/hiredis.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>

static void logf_(const char *lvl, const char *fmt, ...) {
    char ts[32]; time_t t = time(NULL); struct tm tm; localtime_r(&t, &tm);
    strftime(ts, sizeof ts, "%b %e %H:%M:%S", &tm);
    fprintf(stderr, "%s alertd[%d]: %s: ", ts, (int)getpid(), lvl);
    va_list ap; va_start(ap, fmt); vfprintf(stderr, fmt, ap); va_end(ap);
    fputc('\n', stderr);
}

static char host[256] = "127.0.0.1", user[128], pass[128];
static int port = 6379, db = 0;

static void parse_url(const char *u) {
    const char *p = strstr(u, "://"); p = p ? p + 3 : u;
    const char *at = strchr(p, '@');
    if (at) {
        char cred[256]; snprintf(cred, sizeof cred, "%.*s", (int)(at - p), p);
        char *c = strchr(cred, ':');
        if (c) { *c = 0; snprintf(user, sizeof user, "%s", cred); snprintf(pass, sizeof pass, "%s", c + 1); }
        else snprintf(pass, sizeof pass, "%s", cred);
        p = at + 1;
    }
    size_t n = strcspn(p, ":/"); snprintf(host, sizeof host, "%.*s", (int)n, p); p += n;
    if (*p == ':') { port = atoi(p + 1); p += strcspn(p, "/"); }
    if (*p == '/' && p[1]) db = atoi(p + 1);
}

static int tcp_check(const char *h, const char *svc, char *err, size_t len) {
    struct addrinfo hints = {0}, *res; hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo(h, svc, &hints, &res);
    if (rc) { snprintf(err, len, "%s", gai_strerror(rc)); return -1; }
    int fd = socket(res->ai_family, SOCK_STREAM, 0);
    struct timeval tv = {2, 0}; setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    rc = connect(fd, res->ai_addr, res->ai_addrlen);
    if (rc) snprintf(err, len, "%s", strerror(errno));
    close(fd); freeaddrinfo(res); return rc;
}

/* a command; NULL and the context freed on an I/O error, an error reply logged and freed */
static redisReply *cmd(redisContext **c, const char *what, const char *fmt, ...) {
    va_list ap; va_start(ap, fmt);
    redisReply *r = redisvCommand(*c, fmt, ap); va_end(ap);
    if (!r) { logf_("error", "redis %s failed: %s", what, (*c)->errstr); redisFree(*c); *c = NULL; return NULL; }
    if (r->type == REDIS_REPLY_ERROR) { logf_("error", "redis %s: %s", what, r->str); freeReplyObject(r); return NULL; }
    return r;
}

static redisContext *connect_redis(void) {
    struct timeval tv = {2, 0};
    redisContext *c = redisConnectWithTimeout(host, port, tv);
    if (!c || c->err) {
        logf_("error", "cannot connect to redis at %s:%d: %s", host, port, c ? c->errstr : "out of memory");
        if (c) redisFree(c);
        return NULL;
    }
    redisSetTimeout(c, tv);
    redisReply *r;
    if (pass[0]) {
        r = user[0] ? cmd(&c, "AUTH", "AUTH %s %s", user, pass) : cmd(&c, "AUTH", "AUTH %s", pass);
        if (r) freeReplyObject(r); else if (!c) return NULL;
    }
    if (db) {
        r = cmd(&c, "SELECT", "SELECT %d", db);
        if (r) freeReplyObject(r); else if (!c) return NULL;
    }
    logf_("info", "connected to redis at %s:%d", host, port);
    return c;
}

int main(void) {
    setvbuf(stderr, NULL, _IOLBF, 0);
    const char *u = getenv("REDIS_URL");
    if (u) parse_url(u);
    logf_("info", "alertd 1.4.2 starting (hiredis %d.%d.%d)", HIREDIS_MAJOR, HIREDIS_MINOR, HIREDIS_PATCH);
    redisContext *c = connect_redis();
    if (c) {
        redisReply *r = cmd(&c, "CONFIG GET", "CONFIG GET maxmemory-policy");
        if (r) {
            if (r->elements == 2 && strcmp(r->element[1]->str, "noeviction"))
                logf_("warning", "maxmemory-policy is %s, queued alerts may be evicted", r->element[1]->str);
            freeReplyObject(r);
        } else {
            logf_("warning", "could not check maxmemory-policy, going on");
        }
    }
    const char *dburl = getenv("DATABASE_URL"), *api = getenv("API_HOST");
    char pghost[256] = "", pgport[16] = "5432";
    if (dburl) {
        const char *p = strchr(dburl, '@'); p = p ? p + 1 : dburl;
        size_t n = strcspn(p, ":/"); snprintf(pghost, sizeof pghost, "%.*s", (int)n, p);
        if (p[n] == ':') snprintf(pgport, sizeof pgport, "%.*s", (int)strcspn(p + n + 1, "/"), p + n + 1);
    }
    for (long i = 1;; i++) {
        if (!c) c = connect_redis();
        if (c) {
            redisReply *r = cmd(&c, "LPUSH", "LPUSH alerts:queue alert-%ld", i);
            if (r) {
                freeReplyObject(r);
                r = cmd(&c, "RPOP", "RPOP alerts:queue");
                if (r) { logf_("info", "dispatched %s", r->str ? r->str : "(none)"); freeReplyObject(r); }
            }
        }
        char err[256];
        if (pghost[0] && tcp_check(pghost, pgport, err, sizeof err))
            logf_("error", "postgres %s:%s: %s (alert history not saved)", pghost, pgport, err);
        if (api && i % 3 == 1 && tcp_check(api, "443", err, sizeof err))
            logf_("error", "paging api %s: %s", api, err);
        usleep(800000);
    }
}
