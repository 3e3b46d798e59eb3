# json.loads: the full grammar and CPython's JSONDecodeError messages and positions.
import json
docs = ['', ' ', '[', '[1', '[1,', '[1,]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{a:1}', '"abc', '"a\\', '"a\\x"', '"\\u12"', '"\\u12', '"\\u123g"', '"a\tb"', '"a\nb"', '1 2', '[1] x', 'nul', 'tru', '-', '-x', '01', '1.', '1.e5', '1e', '1e+', '.5', 'NaN', '-Infinity', 'Infinity', '-Inf', '"\\ud83d\\ude00"', '"\\ud83d\\u12"', '[1,\n2,\n  x]', '\ufeff[]', '  \n [1, 2] \n ', '{"a" 1}', '[1 2]', '"\\u0000"', '1e400', '-0', '-0.0', '123456789012345678901234567890', '["\\/"]', '{"a":1,"a":2}', '{"b": [1, 2.5, {"c": null}], "a": true, "d": "x\\ny"}', '1E5', '1e-5', '-12.5e+3', '[[[]]]', '{"":""}', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u00e9\\u4e2d"', '1.5E', '2.', '[1,2,3,]', '{"a":}', '{,}', '[,]', '{"a":1 "b":2}', '"\x7f\u00e9"', 'true false', 'nulll', '[true,false,null]']
for d in docs:
    try:
        print(repr(d), '->', repr(json.loads(d)))
    except json.JSONDecodeError as e:
        print(repr(d), '->', type(e).__name__, e, '|', e.msg, e.pos, e.lineno, e.colno, e.doc == d)
    except Exception as e:
        print(repr(d), '->', type(e).__name__, e)
