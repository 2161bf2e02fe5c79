// Go's standard library TLS client with a client certificate the server does not accept (what go-redis prints
// after "redis: ..." when an mTLS Redis refuses it): dial, send PING, read the answer.
// usage: gotls host:port ca.crt client.crt client.key [1.2|1.3]
package main

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
)

func main() {
	addr, caFile, crt, key := os.Args[1], os.Args[2], os.Args[3], os.Args[4]
	pool := x509.NewCertPool()
	ca, err := os.ReadFile(caFile)
	if err != nil {
		panic(err)
	}
	pool.AppendCertsFromPEM(ca)
	cert, err := tls.LoadX509KeyPair(crt, key)
	if err != nil {
		panic(err)
	}
	cfg := &tls.Config{RootCAs: pool, ServerName: "localhost", Certificates: []tls.Certificate{cert}}
	if len(os.Args) > 5 && os.Args[5] == "1.2" {
		cfg.MaxVersion = tls.VersionTLS12
	}
	c, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		fmt.Printf("redis: getting command info: %v\n", err)
		return
	}
	defer c.Close()
	if _, err = c.Write([]byte("PING\r\n")); err == nil {
		buf := make([]byte, 64)
		_, err = c.Read(buf)
	}
	if err != nil {
		fmt.Printf("redis: getting command info: %v\n", err)
	}
}
