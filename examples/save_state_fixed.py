"""examples/save_state.py with its planted bug fixed.

    sigpy examples/save_state_fixed.py [STATE]

SIGTERM only sets a flag; the loop stops between two steps, so `save`
(truncate, build, write) always runs to its end and the file always holds
a whole JSON document. `sigpy explore` with the same check as for
save_state.py passes at every point.
"""

import json
import signal
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "state.json"
state = {"step": 0, "total": 0}
stopping = False


def on_term(signum, frame):
    global stopping
    stopping = True


def save(state):
    text = json.dumps(state)
    with open(path, "w") as f:
        state["size"] = len(text)
        f.write(text)


signal.signal(signal.SIGTERM, on_term)
for step in range(1, 4):
    if stopping:
        break
    state["step"] = step
    state["total"] += step * step
    save(state)
print("saved", state["step"], "steps")
