/* A job-counter worker in C on hiredis (Debian libhiredis-dev 0.14). Reads REDIS_URL (redis[s]://[user:pass@]host:port),
 * works in rounds; prints errors the way hiredis' examples do (c->errstr, reply->str). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <hiredis/hiredis.h>

static int parse_url(const char *url, char *host, int *port, char *pass) {
    const char *p = strstr(url, "://");
    if (!p) return -1;
    p += 3;
    const char *at = strrchr(p, '@');
    pass[0] = 0;
    if (at) {
        const char *colon = memchr(p, ':', at - p);
        if (colon) { memcpy(pass, colon + 1, at - colon - 1); pass[at - colon - 1] = 0; }
        p = at + 1;
    }
    const char *colon = strchr(p, ':');
    size_t n = colon ? (size_t)(colon - p) : strcspn(p, "/");
    memcpy(host, p, n); host[n] = 0;
    *port = colon ? atoi(colon + 1) : 6379;
    return 0;
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    const char *url = getenv("REDIS_URL");
    char host[256] = "127.0.0.1", pass[256] = "";
    int port = 6379;
    if (url && *url && parse_url(url, host, &port, pass) != 0) {
        fprintf(stderr, "Invalid REDIS_URL: %s\n", url);
        return 1;
    }
    printf("jobs worker starting (redis %s:%d)\n", host, port);
    redisContext *c = NULL;
    for (int round = 1; round < 40; round++) {
        if (c == NULL || c->err) {
            if (c) { redisFree(c); c = NULL; }
            struct timeval timeout = { 2, 0 };
            c = redisConnectWithTimeout(host, port, timeout);
            if (c == NULL || c->err) {
                if (c) printf("Connection error: %s\n", c->errstr);
                else printf("Connection error: can't allocate redis context\n");
                sleep(1);
                continue;
            }
            if (pass[0]) {
                redisReply *a = redisCommand(c, "AUTH %s", pass);
                if (a && a->type == REDIS_REPLY_ERROR) printf("AUTH failed: %s\n", a->str);
                if (a) freeReplyObject(a);
            }
            printf("connected to redis\n");
        }
        redisReply *r = redisCommand(c, "SET job:%d done", round);
        if (r == NULL) { printf("Error: %s\n", c->errstr); sleep(1); continue; }
        if (r->type == REDIS_REPLY_ERROR) printf("SET: %s\n", r->str);
        freeReplyObject(r);
        r = redisCommand(c, "INCR jobs:done");
        if (r == NULL) { printf("Error: %s\n", c->errstr); sleep(1); continue; }
        if (r->type == REDIS_REPLY_ERROR) printf("INCR: %s\n", r->str);
        else printf("round %d: jobs done=%lld\n", round, r->integer);
        freeReplyObject(r);
        usleep(800000);
    }
    if (c) redisFree(c);
    return 0;
}
