# __init__, __repr__ and __str__: which one print, str(), repr(), f-strings and containers use.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr<>"

p = Point(1, "two")
print(p)
print(repr(p), str(p))
print([p, p])
print(f"{p} {p!r} {p!s}")
print("%s %r" % (p, p))
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print({"k": p}, (p,))
print(format(p), "{}".format(p), "{!r}".format(p))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Inherits(Point):
    pass
print(Inherits(3, 4), repr(Inherits(5, 6)))
