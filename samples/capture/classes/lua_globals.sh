#!/bin/sh
# Issue 13, session 16 (heldout65's fixes): redis-server 7.0.15's reply to a Lua script reading a global that is not
# there (a script's own name, and Lua 5.2's bit32), to read the wording of 'Script attempted to access … global'.
# Output: samples/raw/classes/session16-h67-lua-globals.log (port: the helper's own, 8700)
redis-server --port 8700 --save '' --appendonly no >/dev/null 2>&1 &
sleep 1
redis-cli -p 8700 EVAL "return jobId" 0
redis-cli -p 8700 EVAL "return bit32.band(1,3)" 0
redis-cli -p 8700 shutdown nosave >/dev/null 2>&1
