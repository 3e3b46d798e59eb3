# json: deep nesting raises RecursionError with the C codec's wording.
import json
d = [1]
for i in range(3000):
    d = [d]
try:
    json.dumps(d)
except RecursionError as e:
    print(e)
try:
    json.dumps(d, indent=1)
except RecursionError as e:
    print("indent", e)
s = '[' * 3000 + ']' * 3000
try:
    json.loads(s)
except RecursionError as e:
    print(e)
s = '{"a":' * 3000 + '1' + '}' * 3000
try:
    json.loads(s)
except RecursionError as e:
    print(e)
print(len(json.dumps(json.loads('[' * 500 + ']' * 500))))
