// go-redis from Debian (golang-gopkg-redis.v5-dev 5.2.9 = gopkg.in/redis.v5), built with Debian's Go 1.19
// in GOPATH mode (GO111MODULE=off GOPATH=/usr/share/gocode): the newer go-redis v9 is not packaged
// by Debian 12. The dial, DNS and TLS errors come from Go's standard library, as in v9.
// GO_IGNORE_PARSE_ERROR=1 mimics Render's own example: opt, _ := redis.ParseURL(os.Getenv("REDIS_URL")).
// REDIS_PINGS: how many PINGs, one a second (default 3; the matrix's killed-then-back scenarios use more).
package main

import (
	"log"
	"os"
	"strconv"
	"time"

	"gopkg.in/redis.v5"
)

func main() {
	var opt *redis.Options
	var err error
	if os.Getenv("GO_IGNORE_PARSE_ERROR") == "1" {
		opt, _ = redis.ParseURL(os.Getenv("REDIS_URL"))
	} else if opt, err = redis.ParseURL(os.Getenv("REDIS_URL")); err != nil {
		log.Fatalf("invalid REDIS_URL: %v", err)
	}
	client := redis.NewClient(opt)
	log.Printf("connecting to redis at %s", opt.Addr)
	pings := 3
	if n, err := strconv.Atoi(os.Getenv("REDIS_PINGS")); err == nil {
		pings = n
	}
	for i := 0; i < pings; i++ {
		if pong, err := client.Ping().Result(); err != nil {
			log.Printf("redis ping failed: %v", err)
		} else {
			log.Printf("redis ping: %s", pong)
			if err := client.Set("report", "ok", time.Minute).Err(); err != nil {
				log.Printf("redis set failed: %v", err)
			}
		}
		time.Sleep(time.Second)
	}
}
