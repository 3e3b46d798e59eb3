"""examples/save_state.py with its planted bug fixed.

    sigpy examples/save_state_fixed.py [STATE]

`save` writes the new state to a temporary file, forces it to disk
(`os.fsync`), then renames it over the old one (`os.replace`, atomic on
POSIX): at every instant STATE holds either the previous state or the new
one, whole. A SIGTERM anywhere (sigpy's default `SignalExit` unwinds,
closing the temporary file) leaves at worst a stray `STATE.tmp`.
`sigpy explore` with the same check as for save_state.py passes at every
point.
"""

import json
import os
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "state.json"
state = {"step": 0, "total": 0}


def save(state):
    text = json.dumps(state)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


for step in range(1, 4):
    state["step"] = step
    state["total"] += step * step
    save(state)
print("saved", state["step"], "steps")
