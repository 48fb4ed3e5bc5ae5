# Chained comparisons evaluate each operand once; is / is not / in / not in.
def v(x):
    print("  eval", x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 1 == 1 != 2, 1 == 1.0, "a" != "b", [1] is [1], None is None)
x = 5
print(0 <= x < 10, 0 < x > 4, 1 < x <= 5 < 6, x in range(10), x not in [1, 2])
a = [1, 2]
b = a
c = list(a)
print(a is b, a is c, a == c, a is not c, id(a) == id(b))
print(1 < 2 and 2 < 3, not 1 == 2, (1 < 2) == True, 3 > 2 > 1 > 0)
print("abc" < "abd", "Z" < "a", "" < "a", (1, "b") < (1, "c"), [3] > [2, 9])
try:
    print(1 < "2")
except TypeError as e:
    print("TypeError:", e)
try:
    print(None > 0)
except TypeError as e:
    print("TypeError:", e)
print(1 == "1", None == 0, [] == (), {} == set(), 0.1 * 3 == 0.3)
