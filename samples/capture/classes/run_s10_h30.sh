#!/bin/sh
# Session 10 (h30): hiredis' words when the server closes a connection a command is waiting on. redis-cli (hiredis)
# sends a BLPOP on a key nobody pushes to, then the server's CLIENT KILL closes that connection (the server itself
# stays up: a kill by an operator, a timeout, an output-buffer limit, a proxy's idle cut look the same to the client).
# Debian's redis-server and redis-cli on a free loopback port from the kernel. Output: samples/raw/classes/session10-h30.log
p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$p" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >/dev/null 2>&1 &
srv=$!
sleep 1
echo "=== redis-cli $(redis-cli --version | cut -d' ' -f2), BLPOP, then CLIENT KILL TYPE normal"
redis-cli -p "$p" BLPOP h30:never 0 2>&1 &
cli=$!
sleep 1
redis-cli -p "$p" CLIENT KILL TYPE normal SKIPME yes >/dev/null
wait "$cli"
echo "exit status $?"
kill "$srv"
wait "$srv" 2>/dev/null
