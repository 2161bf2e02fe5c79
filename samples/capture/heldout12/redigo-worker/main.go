// redigo (Debian golang-github-gomodule-redigo-dev 1.8.3): a redis.Pool dialing REDIS_URL with redis.DialURL,
// a PING and an INCR every round logged with log.Printf. Build: GO111MODULE=off GOPATH=/usr/share/gocode go build.
package main

import (
	"log"
	"os"
	"time"

	"github.com/gomodule/redigo/redis"
)

func main() {
	url := os.Getenv("REDIS_URL")
	if url == "" {
		url = "redis://127.0.0.1:6379"
	}
	pool := &redis.Pool{MaxIdle: 2, Dial: func() (redis.Conn, error) {
		return redis.DialURL(url, redis.DialConnectTimeout(3*time.Second))
	}}
	log.Printf("worker: starting")
	for i := 1; i <= 14; i++ {
		c := pool.Get()
		n, err := redis.Int(c.Do("INCR", "jobs:done"))
		if err != nil {
			log.Printf("worker: redis error: %v", err)
		} else {
			log.Printf("worker: round %d, jobs done %d", i, n)
		}
		c.Close()
		time.Sleep(700 * time.Millisecond)
	}
}
