/* A C worker on hiredis 0.14 (Debian libhiredis-dev) that, like any C program using gettext, calls
 * setlocale(LC_ALL, "") first: hiredis' c->errstr is glibc's strerror / gai_strerror, so it comes out in the
 * language of LANG. It reads REDIS_URL (redis://[:pass@]host:port), connects with a 2 s timeout, INCRs a counter
 * every 0.7 s and reconnects after an error, printing hiredis' own text as C apps do.
 * Build: gcc -O2 -o hiredis-worker hiredis-worker.c -lhiredis */
#include <hiredis/hiredis.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void stamp(char *buf, size_t n) {
    time_t t = time(NULL);
    strftime(buf, n, "%Y-%m-%d %H:%M:%S", localtime(&t));
}

int main(void) {
    setlocale(LC_ALL, "");
    setvbuf(stdout, NULL, _IOLBF, 0);
    char host[256] = "127.0.0.1", pass[128] = "";
    int port = 6379;
    const char *url = getenv("REDIS_URL");
    if (url && strncmp(url, "redis://", 8) == 0) {
        const char *p = url + 8, *at = strchr(p, '@');
        if (at) {
            const char *c = memchr(p, ':', at - p);
            if (c) snprintf(pass, sizeof pass, "%.*s", (int)(at - c - 1), c + 1);
            p = at + 1;
        }
        const char *colon = strrchr(p, ':');
        if (colon) { snprintf(host, sizeof host, "%.*s", (int)(colon - p), p); port = atoi(colon + 1); }
        else snprintf(host, sizeof host, "%s", p);
    }
    char ts[32];
    stamp(ts, sizeof ts);
    printf("%s [worker] démarrage, pid %d\n", ts, (int)getpid());
    redisContext *c = NULL;
    struct timeval tv = {2, 0};
    for (int i = 1; i <= 14; i++) {
        stamp(ts, sizeof ts);
        if (!c) {
            c = redisConnectWithTimeout(host, port, tv);
            if (!c || c->err) {
                fprintf(stderr, "%s [worker] redis %s:%d: %s\n", ts, host, port, c ? c->errstr : "out of memory");
                if (c) { redisFree(c); c = NULL; }
                sleep(1);
                continue;
            }
            if (pass[0]) {
                redisReply *a = redisCommand(c, "AUTH %s", pass);
                if (a && a->type == REDIS_REPLY_ERROR) fprintf(stderr, "%s [worker] redis AUTH: %s\n", ts, a->str);
                if (a) freeReplyObject(a);
            }
            printf("%s [worker] redis %s:%d ok\n", ts, host, port);
        }
        redisReply *r = redisCommand(c, "INCR counter");
        if (!r) {
            fprintf(stderr, "%s [worker] redis: %s\n", ts, c->errstr);
            redisFree(c); c = NULL;
        } else {
            if (r->type == REDIS_REPLY_ERROR) fprintf(stderr, "%s [worker] redis: %s\n", ts, r->str);
            else printf("%s [worker] tour %d: compteur=%lld\n", ts, i, r->integer);
            freeReplyObject(r);
        }
        usleep(700000);
    }
    if (c) redisFree(c);
    return 0;
}
