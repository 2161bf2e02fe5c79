// A leaderboard worker in Go on github.com/mna/redisc (a Redis Cluster client over redigo; Debian
// golang-github-mna-redisc-dev 1.1.7). Reads REDIS_URL (the one startup node), works in rounds, logs with log.
package main

import (
	"log"
	"net/url"
	"os"
	"time"

	"github.com/gomodule/redigo/redis"
	"github.com/mna/redisc"
)

func main() {
	raw := os.Getenv("REDIS_URL")
	if raw == "" {
		raw = "redis://localhost:6379"
	}
	u, err := url.Parse(raw)
	if err != nil {
		log.Fatalf("invalid REDIS_URL: %v", err)
	}
	addr := u.Host
	if u.Port() == "" {
		addr = u.Hostname() + ":6379"
	}
	opts := []redis.DialOption{redis.DialConnectTimeout(2 * time.Second), redis.DialReadTimeout(2 * time.Second)}
	if pass, ok := u.User.Password(); ok {
		opts = append(opts, redis.DialPassword(pass))
	}
	if u.Scheme == "rediss" {
		opts = append(opts, redis.DialUseTLS(true))
	}
	cluster := &redisc.Cluster{
		StartupNodes: []string{addr},
		DialOptions:  opts,
		CreatePool: func(address string, options ...redis.DialOption) (*redis.Pool, error) {
			return &redis.Pool{MaxIdle: 5, IdleTimeout: time.Minute,
				Dial: func() (redis.Conn, error) { return redis.Dial("tcp", address, options...) }}, nil
		},
	}
	defer cluster.Close()
	log.Printf("leaderboard worker starting, cluster node %s", addr)
	if err := cluster.Refresh(); err != nil {
		log.Printf("cluster refresh failed: %v", err)
	}
	for round := 1; round < 40; round++ {
		conn := cluster.Get()
		rc, _ := redisc.RetryConn(conn, 3, 100*time.Millisecond)
		n, err := redis.Int(rc.Do("ZINCRBY", "leaderboard", 1, "player:7"))
		if err != nil {
			log.Printf("round %d: ZINCRBY failed: %v", round, err)
		} else {
			log.Printf("round %d: player:7 score=%d", round, n)
		}
		rc.Close()
		time.Sleep(800 * time.Millisecond)
	}
}
