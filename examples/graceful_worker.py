"""A worker that survives signals.

    sigpy examples/graceful_worker.py RESULTS [SETTINGS]

It processes items one after another and appends one line per item to the
RESULTS file. SETTINGS (optional) holds `key = value` lines: `delay`
(seconds between items, default 0.2) and `label` (text put on each line).

- SIGHUP reloads SETTINGS; the next item uses the new values.
- SIGTERM (or Ctrl-C) lets the item in progress finish, then the worker
  writes its summary and exits with status 0.

Handlers run between two instructions or while `time.sleep` waits, never
in the middle of writing a line, so RESULTS never holds half a line.
Without the SIGTERM handler, sigpy's default would still be graceful:
`signal.SignalExit` unwinds the `with` block (the file is closed), then the
process ends by SIGTERM.
"""

import os
import signal
import sys
import time

if len(sys.argv) < 2:
    print("usage: graceful_worker.py RESULTS [SETTINGS]", file=sys.stderr)
    sys.exit(2)
results_path = sys.argv[1]
settings_path = sys.argv[2] if len(sys.argv) > 2 else None
settings = {"delay": 0.2, "label": "item"}


def load_settings():
    """Reads `key = value` lines; a bad line is reported and skipped."""
    if settings_path is None:
        return
    with open(settings_path) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, sep, value = line.partition("=")
            key, value = key.strip(), value.strip()
            if not sep or key not in settings:
                print("settings line %d ignored: %r" % (n, line), file=sys.stderr)
            elif key == "delay":
                settings["delay"] = float(value)
            else:
                settings[key] = value


stopping = False


def on_stop(signum, frame):
    global stopping
    stopping = True
    print("got %s: finishing the current item" % signal.Signals(signum).name, flush=True)


def on_reload(signum, frame):
    load_settings()
    print("got SIGHUP: settings are now %r" % (settings,), flush=True)


def work(item):
    """Stands in for real work: a small deterministic computation."""
    total = 0
    for k in range(1, 2000):
        total = (total * 31 + item * k) % 1000003
    return total


load_settings()
signal.signal(signal.SIGTERM, on_stop)
signal.signal(signal.SIGINT, on_stop)
signal.signal(signal.SIGHUP, on_reload)

done = 0
with open(results_path, "a") as results:
    print("worker running, pid", os.getpid(), flush=True)
    while not stopping:
        value = work(done)
        results.write("%s %d %d\n" % (settings["label"], done, value))
        done += 1
        time.sleep(settings["delay"])
print("stopped cleanly after %d items" % done, flush=True)
