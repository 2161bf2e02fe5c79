// A handler that dials Redis per request with redigo and never closes the connection:
// the process runs out of file descriptors (run under `ulimit -n 40`).
package main

import (
	"log"
	"os"

	"github.com/gomodule/redigo/redis"
)

func main() {
	log.Println("listening on :8080")
	var kept []redis.Conn
	for i := 0; i < 60; i++ {
		c, err := redis.DialURL(os.Getenv("REDIS_URL"))
		if err != nil {
			log.Printf("request %d: redis: %v", i, err)
			continue
		}
		kept = append(kept, c)
		if _, err := c.Do("INCR", "hits"); err != nil {
			log.Printf("request %d: incr: %v", i, err)
		}
	}
	log.Printf("served, %d connections kept", len(kept))
}
