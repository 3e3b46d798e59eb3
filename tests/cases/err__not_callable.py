# Calling a non-callable: TypeError: 'int' object is not callable.

handlers = {"a": len, "b": 5}
for key in ["a", "b"]:
    h = handlers[key]
    print(key, h("abc"))
