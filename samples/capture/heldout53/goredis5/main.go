// A go-redis v5 (Debian golang-gopkg-redis.v5-dev) worker counting hits every second, logging each error with the
// standard logger. TLS config from the environment (REDIS_CA, REDIS_CERT/REDIS_KEY, REDIS_TLS_MAX).
package main

import (
	"crypto/tls"
	"crypto/x509"
	"io/ioutil"
	"log"
	"net/http"
	"net/url"
	"os"
	"time"

	redis "gopkg.in/redis.v5"
)

func tlsConfig(host string) *tls.Config {
	c := &tls.Config{ServerName: host}
	if ca := os.Getenv("REDIS_CA"); ca != "" {
		pem, err := ioutil.ReadFile(ca)
		if err != nil {
			log.Fatal(err)
		}
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
	return c
}

func main() {
	u, err := url.Parse(os.Getenv("REDIS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	opt := &redis.Options{Addr: u.Host, DialTimeout: 5 * time.Second}
	if u.Scheme == "rediss" {
		opt.TLSConfig = tlsConfig(u.Hostname())
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
