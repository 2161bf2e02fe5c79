// A go-redis v5 (Debian golang-gopkg-redis.v5-dev) worker counting hits every second, logging each error with the
// standard logger. TLS config from the environment (package h53tls: REDIS_CA, REDIS_CERT/REDIS_KEY, REDIS_TLS_MAX).
package main

import (
	"log"
	"net/http"
	"net/url"
	"os"
	"time"

	"h53tls"

	redis "gopkg.in/redis.v5"
)

func main() {
	u, err := url.Parse(os.Getenv("REDIS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	opt := &redis.Options{Addr: u.Host, DialTimeout: 5 * time.Second}
	if u.Scheme == "rediss" {
		opt.TLSConfig = h53tls.Config(u.Hostname())
	}
	client := redis.NewClient(opt)
	log.Println("worker starting")
	for i := 0; i < 6; i++ {
		n, err := client.Incr("hits").Result()
		if err != nil {
			log.Printf("job %d failed: %v", i, err)
		} else {
			log.Printf("hits=%d", n)
		}
		if api := os.Getenv("API_URL"); api != "" && i == 1 {
			if res, err := http.Get(api); err != nil {
				log.Printf("payment api call failed: %v", err)
			} else {
				log.Printf("api status %d", res.StatusCode)
			}
		}
		time.Sleep(time.Second)
	}
	log.Println("worker done")
}
