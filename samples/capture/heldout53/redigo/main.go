// A redigo (Debian golang-github-gomodule-redigo-dev 1.8) worker: a pool, one INCR a second, each error logged with
// the standard logger. TLS through redis.DialURL's options (package h53tls: REDIS_CA, REDIS_CERT/KEY, REDIS_TLS_MAX).
package main

import (
	"log"
	"net/url"
	"os"
	"time"

	"h53tls"

	"github.com/gomodule/redigo/redis"
)

func main() {
	raw := os.Getenv("REDIS_URL")
	u, _ := url.Parse(raw)
	c := h53tls.Config(u.Hostname())
	pool := &redis.Pool{MaxIdle: 2, Dial: func() (redis.Conn, error) {
		return redis.DialURL(raw, redis.DialTLSConfig(c), redis.DialConnectTimeout(5*time.Second))
	}}
	log.Println("worker starting")
	for i := 0; i < 6; i++ {
		conn := pool.Get()
		n, err := redis.Int(conn.Do("INCR", "hits"))
		conn.Close()
		if err != nil {
			log.Printf("job %d failed: %v", i, err)
		} else {
			log.Printf("hits=%d", n)
		}
		time.Sleep(time.Second)
	}
	log.Println("worker done")
}
