a += b; a -= b; a *= b; a /= b; a //= b; a %= b; a **= b; a @= b
a &= b; a |= b; a ^= b; a <<= b; a >>= b
a + b - c * d / e // f % g ** h @ i
a & b | c ^ d << e >> f ~ g
a < b <= c > d >= e == f != g
x := ... -> . , ; :
