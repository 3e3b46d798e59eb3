# json.dump and json.load with real files (open()), and with any object
# that has write()/read().
import json
import os

path = "/tmp/sigpy-json-case-%d.json" % os.getpid()
data = {"name": "Ünïcode ✓", "values": [1, 2.5, None, True], "nested": {"k": []}}
with open(path, "w") as f:
    json.dump(data, f, indent=2, sort_keys=True)
with open(path) as f:
    text = f.read()
print(text)
with open(path) as f:
    print(json.load(f) == data)
with open(path, "w") as f:
    json.dump(data, f, ensure_ascii=False)
with open(path) as f:
    print(f.read())
with open(path, "w") as f:
    f.write('{"broken": [1, 2}')
try:
    with open(path) as f:
        json.load(f)
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e, e.pos)
os.remove(path)


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)


r = Recorder()
json.dump({"a": [1, {"b": "c"}], "d": 2.5}, r)
print(r.calls)
r = Recorder()
try:
    json.dump([1, 2, {1, 2}, 3], r)
except TypeError as e:
    print("TypeError:", e, r.calls)


class Source:
    def read(self):
        return ' [1, {"x": 2}] '


print(json.load(Source()), json.load(Source(), object_pairs_hook=dict))
