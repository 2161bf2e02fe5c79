// A Go app on a Redis unix socket, as GitLab's KAS and Harbor dial one: go-redis from Debian (gopkg.in/redis.v5,
// GOPATH mode as samples/capture/go/main.go) with Network "unix", one PING, its error logged the way KAS wraps it.
// Usage: unixgo <socket path>
package main

import (
	"log"
	"os"

	"gopkg.in/redis.v5"
)

func main() {
	client := redis.NewClient(&redis.Options{Network: "unix", Addr: os.Args[1], MaxRetries: 0})
	if err := client.Ping().Err(); err != nil {
		log.Fatalf("Program aborted: redis client: %v", err)
	}
	log.Printf("redis PONG on %s", os.Args[1])
}
