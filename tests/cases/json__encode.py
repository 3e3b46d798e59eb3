# json.dumps/dump/load and the encoder and decoder classes, against CPython.
import json
data = {"name": "Ünïcode ✓ 😀", "list": [1, 2.5, -0.0, 1e100, 1e-7, 10**30, True, False, None], "nested": {"a": [], "b": {}, "c": [{}], "d": [[1, [2]]]}, "esc": "q\"b\\s/\b\f\n\r\t\x00\x1f\x7f\u2028"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, indent=0))
print(json.dumps(data, indent=-1))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps(data, indent=3, separators=(" ,", " : ")))
print(json.dumps({3: 1, 1.5: 2, True: 3, None: 4, "s": 5, False: 6, 10**20: 7, -2: 8}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps((1, (2, 3)), indent=1), json.dumps([]), json.dumps({}), json.dumps([[]], indent=2), json.dumps({"a": {}}, indent=2))
print(json.dumps(float("nan")), json.dumps([float("inf"), float("-inf")]), json.dumps({float("nan"): 1}))
print(json.dumps("😀"), json.dumps("😀", ensure_ascii=False), json.dumps("\u00e9\u4e2d"), json.dumps(""))
print(json.dumps(1), json.dumps(-5), json.dumps(3.0), json.dumps(0.1), json.dumps(None), json.dumps(True), json.dumps(12345678901234567890123))
class P:
    def __init__(self, x):
        self.x = x
print(json.dumps([P(1), P(2)], default=lambda o: {"P": o.x}))
print(json.dumps({"k": P(3)}, default=lambda o: [o.x, "p"], indent=1))
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True), json.dumps({P(1): 1}, skipkeys=True))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, P):
            return "P%d" % o.x
        return super().default(o)
print(json.dumps([P(7)], cls=Enc), Enc(indent=1).encode({"a": P(8)}), json.JSONEncoder().encode("x\n"))
print(list(json.JSONEncoder(indent=1).iterencode([1, {"a": 2}])))
print(list(json.JSONEncoder().iterencode({"a": [1, "b", None, P], "c": 2.5}, )) if False else list(json.JSONEncoder().iterencode({"a": [1, "b", None], "c": 2.5})))
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
json.dump({"a": [1, 2, {"b": None}], "c": "d"}, w)
print(w.parts)
w = W()
json.dump([1, {"x": [True]}], w, indent=2, sort_keys=True)
print(w.parts)
class R:
    def __init__(self, text):
        self.text = text
    def read(self):
        return self.text
print(json.load(R('{"a": [1, 2]}')), json.load(R("[1.5]"), parse_float=str))
print(json.loads('{"a": 1, "b": [1, 2]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list), json.loads('[1, 2.5, NaN]', parse_int=float, parse_float=repr, parse_constant=lambda c: "C" + c))
print(json.loads(b'{"a": "\xc3\xa9"}'), json.loads(b'\xef\xbb\xbf[1]'), json.JSONDecoder().raw_decode('[1] tail'), json.JSONDecoder().raw_decode('xx[2]', 2))
print(json.loads('"a\tb"', strict=False), json.JSONDecoder(strict=False).decode('["\n"]'))
errors = [
    lambda: json.dumps(P(1)), lambda: json.dumps({P(1): 1}), lambda: json.dumps({(1,): 1}),
    lambda: json.dumps(float("nan"), allow_nan=False), lambda: json.dumps([float("inf")], allow_nan=False, indent=1),
    lambda: json.dumps({float("nan"): 1}, allow_nan=False), lambda: json.dumps({"a": 1, 2: 3}, sort_keys=True),
    lambda: json.dumps(set()), lambda: json.dumps(b"x"), lambda: json.dumps([1], indent=1.5), lambda: json.dumps(1, foo=1),
    lambda: json.loads(1), lambda: json.loads(None), lambda: json.loads("[1]", foo=1), lambda: json.dumps(1, cls=None, separators=(",",)),
]
for f in errors:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e)
d = {}
d["d"] = [d]
try:
    json.dumps(d, indent=1)
except ValueError as e:
    print("ValueError", e)
def loop(o):
    return o
try:
    json.dumps(P(1), default=loop)
except ValueError as e:
    print("ValueError", e)
shared = [1]
print(json.dumps([shared, shared, {"s": shared}]))
print(issubclass(json.JSONDecodeError, ValueError), json.decoder.JSONDecodeError is json.JSONDecodeError, json.JSONDecodeError.__module__)
import json.decoder
from json.decoder import JSONDecodeError
from json import encoder
print(JSONDecodeError.__name__, encoder.JSONEncoder is json.JSONEncoder)
e = json.JSONDecodeError("msg", "ab\ncd\nef", 5)
print(e, e.args, e.lineno, e.colno)
json.loads('{"a": [1, 2,, 3]}')
