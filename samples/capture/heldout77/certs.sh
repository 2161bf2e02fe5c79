#!/bin/bash
# The throw-away TLS files of the heldout77 captures, into ${H77_TLS:-/tmp/h79/tls}: a private CA ("Acme Internal Redis
# CA") that signs the Key Value's certificate (server.crt/key). No client is given the CA: a rediss:// client that
# verifies finds the certificate untrusted (the tls-untrusted runs).
set -e
D=${H77_TLS:-/tmp/h79/tls}; mkdir -p "$D"; cd "$D"
KV=red-d8h77kv0q67qs70c2kvup
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj "/O=h77 Acme/CN=Acme Internal Redis CA"
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=$KV"
printf "subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth\n" "$KV" > server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 -extfile server.ext -out server.crt
chmod 644 *.key
