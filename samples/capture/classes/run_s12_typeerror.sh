#!/bin/sh
# Session 12 (lead): redis-py 5.2.1 refusing a keyword it does not take (typeerror/py_kwargs.py).
# Prints its output after a '=== redis-py' marker: samples/raw/classes/session12-typeerror.log.
# Needs: a venv with redis-py 5.2.1 at $PYVENV.
set -u
here=$(cd "$(dirname "$0")/typeerror" && pwd)
PYVENV=${PYVENV:-/tmp/lead/acl/venv}
echo "=== redis-py ssl_cert_reqs with redis://"; (cd "$here" && "$PYVENV/bin/python" py_kwargs.py 2>&1)
