# printf-style str % args.

# === conversions ===
print("%s is %d years, %.2f%%" % ("Bob", 42, 99.5))
print("%5s|%-5s|%05d|%x|%X|%o|%e|%g|%G" % ("a", "b", 42, 255, 255, 8, 12345.678, 0.0001, 1e20))
print("%(a)s-%(b)r" % {"a": 1, "b": "x"}, "%c%c" % (72, "i"), "%r" % (1,), "%s" % None, "%3d|%-3d|" % (5, 5))
print("%d" % 3.7, "%i" % True, "%#x %#o %#X" % (255, 8, 255), "%+d % d" % (5, 5), "%.3s" % "abcdef", "%*d|%-*d|" % (5, 1, 4, 2))
print("%s" % [1, 2], "%s" % (1,), "%.3d" % 7, "%5.1f" % 2.25, "%a" % "é", "%%" % ())

# === errors ===
for fmt, args in [("%d", "a"), ("%d %d", (1,)), ("%d", (1, 2)), ("%y", 1), ("%(x)s", 1), ("%f", "a"), ("%x", 1.5), ("100%", ()), ("%c", "ab"), ("%s", ())]:
    try:
        fmt % args
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
