# String literals: quotes, escapes, raw strings, concatenation.

# === quoting ===
print('single', "double")
print('it\'s', "say \"hi\"", "it's", 'say "hi"')
print("""triple
double""")
print('''triple
single''')
print("""a "quoted" word""")

# === escapes ===
print("tab:\tend")
print("newline:\nend")
print("backslash: \\ end")
print("hex: \x41\x42 octal: \101\102")
print("unicode: \u00e9 \u4e2d \U0001F600")
print(len("\n"), len("\\n"), len("\x00"))
print(repr("\t\n\r\\'\""))
print(repr('a\x00b'), repr('\x7f'), repr('\xe9'))

# === raw strings ===
print(r"raw \n stays", R'raw \t too')
print(len(r"\n"), r"\\")

# === implicit concatenation ===
print("abc" "def", 'x' "y" 'z')
s = ("first "
     "second "
     "third")
print(s)

# === line continuation inside triple quotes ===
print("""one \
two""")

# === repr picks quotes ===
print(repr("it's"), repr('say "hi"'), repr('both \' and "'))
print(repr(""), repr(''), str(""))

# === non-ASCII ===
u = "héllo wörld"
print(u, len(u), u.upper())
print("日本語", len("日本語"))
