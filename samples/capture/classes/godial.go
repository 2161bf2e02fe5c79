// Go's standard library dial errors (what go-redis prints after "redis ping failed: ").
package main

import (
	"crypto/tls"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	for _, addr := range os.Args[1:] {
		if len(addr) > 4 && addr[:4] == "tls:" {
			c, err := tls.DialWithDialer(&net.Dialer{Timeout: 3 * time.Second}, "tcp", addr[4:], &tls.Config{ServerName: "localhost"})
			if err != nil {
				fmt.Printf("redis ping failed: %v\n", err)
			} else {
				c.Close()
			}
			continue
		}
		c, err := net.DialTimeout("tcp", addr, 3*time.Second)
		if err != nil {
			fmt.Printf("redis ping failed: %v\n", err)
		} else {
			c.Close()
		}
	}
}
