#!/bin/bash
# The throw-away TLS files of the heldout53 captures, into ${H53_TLS:-/tmp/h57/tls}: a private CA ("Acme Internal
# Redis CA") that signs the Key Value's certificates, and a second CA nobody trusts (ca2). Each broken certificate is
# broken in one way only: expired (signed under faketime in 2024, valid 30 days), not yet valid (signed under
# faketime for 2027-09), for another host name, signed by ca2, self-signed. client.crt: a client certificate the CA
# signed (the healthy mutual-TLS runs).
set -e
D=${H53_TLS:-/tmp/h57/tls}; mkdir -p "$D"; cd "$D"
KV=red-d6h57kv0q67qs70c2kvup
ext() { printf "subjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=%s\n" "$1" "$2" > "$3"; }
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj "/O=h57 Acme/CN=Acme Internal Redis CA"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca2.key -out ca2.crt -days 3650 -subj "/O=Other Corp/CN=Other Corp Root CA"
mk() { # name SAN extended-key-usage signer CN [faketime]
  openssl req -newkey rsa:2048 -nodes -keyout $1.key -out $1.csr -subj "/CN=$5"; ext "$2" "$3" $1.ext
  if [ -n "$6" ]; then faketime "$6" openssl x509 -req -in $1.csr -CA $4.crt -CAkey $4.key -CAcreateserial -days 30 -extfile $1.ext -out $1.crt
  else openssl x509 -req -in $1.csr -CA $4.crt -CAkey $4.key -CAcreateserial -days 825 -extfile $1.ext -out $1.crt; fi; }
mk server "DNS:$KV,DNS:localhost" serverAuth ca $KV
mk expired "DNS:$KV,DNS:localhost" serverAuth ca $KV "2024-03-01 00:00:00"
mk notyet "DNS:$KV,DNS:localhost" serverAuth ca $KV "2027-09-01 00:00:00"
mk othername "DNS:red-d6h57zz0q67qs70c2oldx" serverAuth ca red-d6h57zz0q67qs70c2oldx
mk otherca "DNS:$KV,DNS:localhost" serverAuth ca2 $KV
mk client "DNS:worker" clientAuth ca worker
mk api "DNS:api.stripe.com" serverAuth ca2 api.stripe.com
openssl req -x509 -newkey rsa:2048 -nodes -keyout selfsigned.key -out selfsigned.crt -days 365 -subj "/CN=$KV" -addext "subjectAltName=DNS:$KV,DNS:localhost"
chmod 644 *.key
