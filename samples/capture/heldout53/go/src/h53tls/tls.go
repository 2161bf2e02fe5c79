// Package h53tls: the tls.Config both Go workers (../../goredis5, ../../redigo) give their client for a rediss:// URL,
// from the environment: REDIS_CA (RootCAs), REDIS_CERT/REDIS_KEY (a client certificate), REDIS_TLS_MAX ("TLSv1.2":
// MaxVersion). Built in GOPATH mode: GOPATH=/usr/share/gocode:$PWD/go (see ../../run.py).
package h53tls

import (
	"crypto/tls"
	"crypto/x509"
	"io/ioutil"
	"log"
	"os"
)

// Config for a server named host.
func Config(host string) *tls.Config {
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
