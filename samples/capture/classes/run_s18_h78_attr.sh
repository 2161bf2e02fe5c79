#!/bin/sh
# Session 18 (h78, heldout76's class): redis-py 3.5.3 asked for APIs only a newer redis-py has (apimismatch/
# py_api_mismatch.py): 'Redis' object has no attribute 'ft', module 'redis' has no attribute 'asyncio'.
# Prints its output after a '=== redis-py' marker: samples/raw/classes/session18-h78-attr.log.
# Needs: a venv with redis-py 3.5.3 at $PYVENV (python3 -m venv v && v/bin/pip install 'redis==3.5.3'). No server
# is needed: no command is sent.
set -u
here=$(cd "$(dirname "$0")/apimismatch" && pwd)
PYVENV=${PYVENV:-/tmp/h78/oldredis}
echo "=== redis-py 3.5.3, APIs of redis-py 4+"; (cd "$here" && "$PYVENV/bin/python" py_api_mismatch.py 2>&1)
