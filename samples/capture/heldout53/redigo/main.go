// A redigo (Debian golang-github-gomodule-redigo-dev 1.8) worker: a pool, one INCR a second, each error logged with
// the standard logger. TLS through redis.DialURL's options from the environment (REDIS_CA, REDIS_CERT/KEY, REDIS_TLS_MAX).
package main

import (
	"crypto/tls"
	"crypto/x509"
	"io/ioutil"
	"log"
	"net/url"
	"os"
	"time"

	"github.com/gomodule/redigo/redis"
)

func main() {
	raw := os.Getenv("REDIS_URL")
	u, _ := url.Parse(raw)
	c := &tls.Config{ServerName: u.Hostname()}
	if ca := os.Getenv("REDIS_CA"); ca != "" {
		pem, _ := ioutil.ReadFile(ca)
		c.RootCAs = x509.NewCertPool()
		c.RootCAs.AppendCertsFromPEM(pem)
	}
	if cert := os.Getenv("REDIS_CERT"); cert != "" {
		kp, err := tls.LoadX509KeyPair(cert, os.Getenv("REDIS_KEY"))
		if err != nil {
			log.Fatal(err)
		}
		c.Certificates = []tls.Certificate{kp}
	}
	if os.Getenv("REDIS_TLS_MAX") == "TLSv1.2" {
		c.MaxVersion = tls.VersionTLS12
	}
	pool := &redis.Pool{MaxIdle: 2, Dial: func() (redis.Conn, error) {
		return redis.DialURL(raw, redis.DialTLSConfig(c), redis.DialConnectTimeout(5*time.Second))
	}}
	log.Println("worker starting")
	for i := 0; i < 6; i++ {
		conn := pool.Get()
		n, err := redis.Int(conn.Do("INCR", "hits"))
		conn.Close()
		if err != nil {
			log.Printf("job %d failed: %v", i, err)
		} else {
			log.Printf("hits=%d", n)
		}
		time.Sleep(time.Second)
	}
	log.Println("worker done")
}
