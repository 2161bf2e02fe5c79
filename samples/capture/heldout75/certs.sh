#!/bin/bash
# Certificates of the heldout75 TLS runs (into $1, default /tmp/h77/certs): a CA the apps trust (NODE_EXTRA_CA_CERTS,
# SSL_CERT_FILE), and four server certificates: right (CN and SAN the Key Value's host), wrong host (CN/SAN another
# instance's host), expired (valid 2024-01-01 for 30 days, made under faketime), and one signed by another CA that no
# app trusts.
set -e
D=${1:-/tmp/h77/certs}; mkdir -p $D; cd $D
HOST=red-d6h75kv0q67qs70c2kvtq
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 365 -subj "/CN=Acme Internal Root CA" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.crt -days 365 -subj "/CN=Redis Self-Signed CA" 2>/dev/null
mk() {  # name CN signer [faketime]
  openssl req -newkey rsa:2048 -nodes -keyout $1.key -out $1.csr -subj "/CN=$2" 2>/dev/null
  printf "subjectAltName=DNS:$2\n" > $1.ext
  ${4:+faketime "$4"} openssl x509 -req -in $1.csr -CA $3.crt -CAkey $3.key -CAcreateserial -out $1.crt -days ${5:-365} -extfile $1.ext 2>/dev/null
}
mk good $HOST ca
mk wronghost red-d6h75kv0q67qs70c2oldx ca
mk expired $HOST ca "2024-01-01 00:00:00" 30
mk unknownca $HOST other-ca
for c in good wronghost expired unknownca; do openssl x509 -in $c.crt -noout -subject -enddate -issuer; done
