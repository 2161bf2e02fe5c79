// A cart worker in Go on gopkg.in/redis.v2 (Debian golang-gopkg-redis.v2-dev 2.3.2). Reads REDIS_URL, works in rounds,
// logs with the standard log package as Go services do.
package main

import (
	"log"
	"net/url"
	"os"
	"time"

	"gopkg.in/redis.v2"
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
	pass, _ := u.User.Password()
	addr := u.Host
	if u.Port() == "" {
		addr = u.Hostname() + ":6379"
	}
	log.Printf("cart worker starting, redis at %s", addr)
	client := redis.NewTCPClient(&redis.Options{Addr: addr, Password: pass, DialTimeout: 2 * time.Second,
		ReadTimeout: 2 * time.Second, WriteTimeout: 2 * time.Second})
	defer client.Close()
	for round := 1; round < 40; round++ {
		if err := client.Set("cart:"+time.Now().Format("150405"), "1").Err(); err != nil {
			log.Printf("round %d: redis SET failed: %v", round, err)
			time.Sleep(800 * time.Millisecond)
			continue
		}
		n, err := client.Incr("carts:total").Result()
		if err != nil {
			log.Printf("round %d: redis INCR failed: %v", round, err)
		} else {
			log.Printf("round %d: carts=%d", round, n)
		}
		time.Sleep(800 * time.Millisecond)
	}
}
