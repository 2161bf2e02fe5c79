// A Go worker with three dependencies: Redis (go-redis v5 from Debian), PostgreSQL (database/sql + lib/pq
// from Debian) and an HTTP API (net/http). Three rounds, each failure logged with log.Printf.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"
	"time"

	_ "github.com/lib/pq"
	"gopkg.in/redis.v5"
)

func main() {
	opt, err := redis.ParseURL(os.Getenv("REDIS_URL"))
	if err != nil {
		log.Fatalf("invalid REDIS_URL: %v", err)
	}
	rdb := redis.NewClient(opt)
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatalf("invalid DATABASE_URL: %v", err)
	}
	client := &http.Client{Timeout: 5 * time.Second}
	for n := 1; n <= 3; n++ {
		if err := rdb.Set("worker:heartbeat", time.Now().Unix(), 0).Err(); err != nil {
			log.Printf("cache write failed: %v", err)
		} else {
			log.Printf("tick %d cache ok", n)
		}
		if err := db.Ping(); err != nil {
			log.Printf("database ping failed: %v", err)
		} else {
			log.Printf("tick %d db ok", n)
		}
		if res, err := client.Get(os.Getenv("PAYMENTS_API")); err != nil {
			log.Printf("payments API call failed: %v", err)
		} else {
			res.Body.Close()
			log.Printf("payments API answered %d", res.StatusCode)
		}
		time.Sleep(time.Second)
	}
}
