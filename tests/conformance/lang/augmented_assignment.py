# Augmented assignment on numbers, strings, lists (in place) and tuples (rebinding).
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 4; print(n)
n //= 5; print(n)
n %= 4; print(n)
n **= 5; print(n)
n <<= 2; print(n)
n >>= 1; print(n)
n |= 0b1010; print(n)
n &= 0b1100; print(n)
n ^= 0b0110; print(n)
f = 7
f /= 2; print(f, type(f).__name__)
s = "ab"
s += "cd"; s *= 2; print(s)
a = [1, 2]
alias = a
a += [3]
print(a, alias, a is alias)
t = (1, 2)
alias_t = t
t += (3,)
print(t, alias_t, t is alias_t)
d = {"count": 0}
for word in ["x", "y", "z"]:
    d["count"] += len(word) * 2
print(d)
class Box:
    def __init__(self):
        self.v = 1
b = Box()
b.v += 41
print(b.v)
m = [[0] * 2 for _ in range(2)]
m[1][0] -= 9
print(m)
