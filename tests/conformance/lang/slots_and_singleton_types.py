# __slots__: which attribute names an instance accepts, along the class hierarchy; and the
# singleton types (NoneType, ellipsis, NotImplementedType) called with and without arguments.
class Point:
    __slots__ = ("x", "y")
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __slots__ = "z"

class Tagged(Point):
    pass

class Open:
    __slots__ = ("a", "__dict__")

class Empty:
    __slots__ = ()

class Failure(Exception):
    __slots__ = ()

def try_store(obj, name, value):
    try:
        setattr(obj, name, value)
        print("stored", name, getattr(obj, name))
    except AttributeError as e:
        print("AttributeError:", e)

p = Point(1, 2)
p.x += 10
print(p.x, p.y, Point.__slots__, Point.dims)
try_store(p, "z", 3)
try_store(p, "dims", 3)
try:
    print(Point.__new__(Point).x)
except AttributeError as e:
    print("AttributeError:", e)
q = Point3(1, 2)
for name in ("z", "x", "w"):
    try_store(q, name, 5)
t = Tagged(1, 2)
try_store(t, "label", "free")
print(t.label, t.x + t.y)
o = Open()
try_store(o, "a", 1)
try_store(o, "b", 2)
try_store(Empty(), "anything", 0)
try_store(Failure("boom"), "note", "kept")
print(Point3.__mro__[1] is Point, isinstance(q, Point))
for singleton in (None, ..., NotImplemented):
    kind = type(singleton)
    print(kind.__name__, kind() is singleton)
    try:
        kind(1)
    except TypeError as e:
        print("TypeError:", e)
