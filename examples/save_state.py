"""Planted bug for `sigpy explore`: state saved by rewriting a file in place.

    sigpy examples/save_state.py [STATE]      (STATE defaults to state.json)

It does a few steps of work and saves its state as JSON after each one.
`save` truncates the file, then does a little more work, then writes the
text: a signal that lands in between leaves an empty file. SIGTERM is graceful (sigpy's
default `SignalExit` unwinds the `with` block, which closes the file, and
the process dies by SIGTERM), but graceful is not enough here.

    sigpy explore --check 'test ! -e state.json ||
        sigpy -c "import json; json.load(open(\"state.json\"))"' \\
        examples/save_state.py

finds every point where the file is left unreadable, on the lines between
the truncation and the write. examples/save_state_fixed.py does it right.
"""

import json
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "state.json"
state = {"step": 0, "total": 0}


def save(state):
    text = json.dumps(state)
    with open(path, "w") as f:  # truncates the file: from here...
        state["size"] = len(text)
        f.write(text)  # ...to here the file is empty


for step in range(1, 4):
    state["step"] = step
    state["total"] += step * step
    save(state)
print("saved", state["step"], "steps")
