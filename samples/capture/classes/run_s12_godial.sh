#!/bin/sh
# Session 12 (lead): Go 1.19 (Debian golang-go) dialing 'db.internal' with no port (godial/main.go); nothing is
# reached: the address is refused before any lookup. Output after a '=== go' marker: samples/raw/classes/session12-godial.log.
set -u
here=$(cd "$(dirname "$0")/godial" && pwd)
echo "=== go net.Dial tcp db.internal"; (cd "$here" && GO111MODULE=off GOCACHE=$(mktemp -d) go run main.go 2>&1)
