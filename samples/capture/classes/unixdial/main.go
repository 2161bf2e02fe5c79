// Not Redis: a Go program dialling PostgreSQL's unix socket the way lib/pq and pgx do (net.Dial "unix"), its error
// logged with no Redis word. Go prints the same 'dial unix <path>: connect: …' for every socket: what ties it to
// Redis is the path or the entry, not the wording. Usage: unixdial <socket path>
package main

import (
	"log"
	"net"
	"os"
)

func main() {
	if _, err := net.Dial("unix", os.Args[1]); err != nil {
		log.Fatalf("failed to connect to the database: %v", err)
	}
}
