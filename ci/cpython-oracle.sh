#!/usr/bin/env bash
# Runs every tests/cases/*.py (except `# sigpy-only` ones) under CPython 3.11
# and fails, listing each mismatch, if its output disagrees with the .expect
# file beside it.
#   ci/cpython-oracle.sh                 check every case
#   ci/cpython-oracle.sh --bless         regenerate the .expect files from python3
#   ci/cpython-oracle.sh str__ int__     only cases whose name contains a substring
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v python3 >/dev/null 2>&1; then
    echo "cpython-oracle: python3 not found (CPython 3.11 is required)" >&2
    exit 1
fi
version="$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ "$version" != "3.11" ]; then
    echo "cpython-oracle: python3 is $version, CPython 3.11 is required" >&2
    exit 1
fi
exec python3 ci/cpython_oracle.py "$@"
