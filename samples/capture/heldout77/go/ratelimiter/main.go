// A rate limiter sidecar in Go on redigo 1.8.3 (Debian golang-github-gomodule-redigo-dev, built with
// GO111MODULE=off), logging with the standard log package. A redis.Pool dials REDIS_URL with redis.DialURL (rediss://
// is TLS, the password AUTH, the path the db); at start it reads the server's maxmemory-policy (CONFIG GET) and stops
// if it cannot, as a limiter whose counters must not be evicted. Each 0.8 s it counts a request in a fixed window
// (INCR, EXPIRE); every third round it checks PostgreSQL (DATABASE_URL, a TCP dial) and the billing API (API_HOST,
// net/http) when set.
package main

import (
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/gomodule/redigo/redis"
)

func main() {
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)
	raw := os.Getenv("REDIS_URL")
	if raw == "" {
		raw = "redis://127.0.0.1:6379"
	}
	pool := &redis.Pool{
		MaxIdle:     4,
		IdleTimeout: 60 * time.Second,
		Dial: func() (redis.Conn, error) {
			return redis.DialURL(raw, redis.DialConnectTimeout(2*time.Second),
				redis.DialReadTimeout(2*time.Second), redis.DialWriteTimeout(2*time.Second))
		},
	}
	log.Printf("ratelimiter: starting, redis pool for %s", redact(raw))
	c := pool.Get()
	policy, err := redis.Strings(c.Do("CONFIG", "GET", "maxmemory-policy"))
	c.Close()
	if err != nil {
		log.Fatalf("ratelimiter: cannot read maxmemory-policy: %v", err)
	}
	log.Printf("ratelimiter: redis ready, maxmemory-policy=%s", policy[1])
	client := &http.Client{Timeout: 3 * time.Second}
	for i := 1; ; i++ {
		key := fmt.Sprintf("rl:tenant-%d:%d", i%3, time.Now().Unix()/10)
		c := pool.Get()
		n, err := redis.Int(c.Do("INCR", key))
		if err == nil {
			_, err = c.Do("EXPIRE", key, 20)
		}
		c.Close()
		if err != nil {
			log.Printf("ratelimiter: allowing request unchecked, redis error: %v", err)
		} else {
			log.Printf("ratelimiter: %s = %d", key, n)
		}
		if i%3 == 1 {
			if db := os.Getenv("DATABASE_URL"); db != "" {
				if u, perr := url.Parse(db); perr == nil {
					if conn, derr := net.DialTimeout("tcp", u.Host, 2*time.Second); derr != nil {
						log.Printf("ratelimiter: quota sync to postgres failed: %v", derr)
					} else {
						conn.Close()
					}
				}
			}
			if api := os.Getenv("API_HOST"); api != "" {
				if resp, herr := client.Get("https://" + api + "/v1/usage"); herr != nil {
					log.Printf("ratelimiter: usage report failed: %v", herr)
				} else {
					resp.Body.Close()
				}
			}
		}
		time.Sleep(800 * time.Millisecond)
	}
}

// redact hides the password of a URL before it is logged.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
