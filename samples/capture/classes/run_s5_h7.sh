#!/bin/sh
# Session 5, heldout7's classes: redis-py 8.2.0 (pip, Python 3.11) given a TLS-only option with a plain redis:// URL.
# Nothing needs to listen: redis-py raises before it connects. Output: samples/raw/classes/session5-h7.log
set -e
here=$(dirname "$0")
py=${PY:-python3}
echo "=== redis-py $($py -c 'import redis; print(redis.__version__)'), ssl_cert_reqs with redis://"
echo "--- py_ssl_kwargs_plain.py"
$py "$here/py_ssl_kwargs_plain.py" 2>&1
