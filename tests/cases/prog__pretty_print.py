# A recursive pretty-printer and a tiny tokenizer: isinstance dispatch, recursion, string building.

def pretty(value, indent=0):
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = ["{"]
        for k, v in value.items():
            lines.append(pad + "  " + repr(k) + ": " + pretty(v, indent + 1) + ",")
        lines.append(pad + "}")
        return "\n".join(lines)
    if isinstance(value, (list, tuple)):
        open_, close = ("[", "]") if isinstance(value, list) else ("(", ")")
        if not value:
            return open_ + close
        inner = [pretty(v, indent + 1) for v in value]
        if sum([len(s) for s in inner]) < 40 and "\n" not in "".join(inner):
            return open_ + ", ".join(inner) + close
        return open_ + "\n" + ",\n".join([pad + "  " + s for s in inner]) + "\n" + pad + close
    if isinstance(value, bool) or value is None:
        return str(value).lower() if value is not None else "null"
    if isinstance(value, (int, float)):
        return repr(value)
    return repr(str(value))

doc = {
    "name": "sigpy",
    "version": (0, 1, 0),
    "tags": ["python", "rust", "signals"],
    "stable": False,
    "owner": None,
    "stats": {"cases": 100, "ratio": 0.75, "empty": {}, "nothing": []},
    "matrix": [[1, 2, 3], [4, 5, 6], ["a long string value", "another long string value"]],
}
print(pretty(doc))

def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    for _ in range(n + 1):
        if i >= n:
            break
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            for _ in range(n):
                if j < n and src[j].isdigit():
                    j += 1
                else:
                    break
            tokens.append(("NUM", int(src[i:j])))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            for _ in range(n):
                if j < n and (src[j].isalnum() or src[j] == "_"):
                    j += 1
                else:
                    break
            tokens.append(("NAME", src[i:j]))
            i = j
        elif src[i:i + 2] in ("==", "!=", "<=", ">=", "**"):
            tokens.append(("OP", src[i:i + 2]))
            i += 2
        elif c in "+-*/()<>=,":
            tokens.append(("OP", c))
            i += 1
        else:
            raise SyntaxError("bad character " + repr(c) + " at " + str(i))
    return tokens

print(tokenize("x1 = foo(12, y) ** 2 >= 300"))
try:
    tokenize("a = $")
except SyntaxError as e:
    print("SyntaxError:", e)
