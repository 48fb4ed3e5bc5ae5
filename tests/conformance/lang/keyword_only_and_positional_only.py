# Keyword-only (after *) and positional-only (before /) parameters and their errors.
def kw(a, *, key, flag=False):
    return a, key, flag

def pos(x, y, /, z=0):
    return x, y, z

print(kw(1, key="k"))
print(kw(1, flag=True, key=2))
print(pos(1, 2), pos(1, 2, z=3), pos(1, 2, 3))
for call in [lambda: kw(1, 2), lambda: kw(1), lambda: pos(x=1, y=2),
             lambda: kw(1, key=1, other=2), lambda: pos(1), lambda: kw(1, key=1, a=2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def both(a, /, b, *, c):
    return a + b + c
print(both(1, 2, c=3), both(1, b=2, c=3))
def star_only(*args, last):
    return args, last
print(star_only(1, 2, last=3))
def no_args():
    return "none"
try:
    no_args(1)
except TypeError as e:
    print("TypeError:", e)
def two(a, b):
    return a, b
try:
    two(1, 2, b=3)
except TypeError as e:
    print("TypeError:", e)
try:
    two(1)
except TypeError as e:
    print("TypeError:", e)
