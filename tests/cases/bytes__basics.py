# bytes literals, indexing, slicing, decoding.

# === literals and repr ===
b = b"hello"
print(b, repr(b), type(b))
print(b"", b"\x00\x01\xff", b'single', b"tab\t", rb"raw\n", b"quote'")
print(b"\\", len(b"\x00\x01\xff"), len(rb"\n"))

# === indexing gives ints ===
print(b[0], b[-1], b[1:3], b[::-1], b[::2])
print(list(b"abc"), [x for x in b"AZ"])

# === operators ===
print(b + b" world", b * 2, b"ll" in b, b"xyz" in b, 104 in b)
print(b == b"hello", b != b"hello", b < b"help", len(b))

# === methods ===
print(b.upper(), b.decode(), b"a,b,c".split(b","), b"-".join([b"x", b"y"]))
print(b.startswith(b"he"), b.endswith(b"lo"), b.find(b"l"), b.count(b"l"), b.replace(b"l", b"L"))
print(b"  pad  ".strip(), "héllo".encode().decode(), "é".encode())

# === bytes() constructor ===
print(bytes(3), bytes([65, 66, 67]), bytes("abc", "utf-8"))

# === bytes and str do not mix ===
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
print(b"a" == "a")
