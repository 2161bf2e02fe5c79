// go-redis v5 (Debian golang-gopkg-redis.v5-dev) with Sentinel (NewFailoverClient), built in GOPATH mode
// (GO111MODULE=off GOPATH=/usr/share/gocode): 3 PINGs + SETs logged with log.Printf.
package main

import (
	"log"
	"os"
	"time"

	"gopkg.in/redis.v5"
)

func main() {
	client := redis.NewFailoverClient(&redis.FailoverOptions{
		MasterName:    os.Getenv("MASTER"),
		SentinelAddrs: []string{os.Getenv("SENTINEL_ADDR")},
	})
	for i := 0; i < 3; i++ {
		if err := client.Ping().Err(); err != nil {
			log.Printf("redis ping failed: %v", err)
		} else if err := client.Set("k", i, 0).Err(); err != nil {
			log.Printf("redis set failed: %v", err)
		} else {
			log.Printf("set ok")
		}
		time.Sleep(300 * time.Millisecond)
	}
}
