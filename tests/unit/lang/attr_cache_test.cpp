// The attribute opcodes' inline caches (engine/lang/attr.cpp) must never change what a
// program prints: each program runs one attribute instruction in a loop while classes,
// instances and modules change under it, and CPython gives the expected output.
#include <catch2/catch.hpp>

#include <string>

#include "tests/unit/lang/like_cpython.hpp"

using looplab::testing::expect_like_cpython;

TEST_CASE("a cached attribute load sees class changes made after it was cached") {
  expect_like_cpython(R"(
class Base:
    kind = "base"
    def describe(self):
        return "base method"

class Child(Base):
    pass

def probe(obj):
    return obj.kind, obj.describe()

c = Child()
out = [probe(c)]
Child.kind = "child"
out.append(probe(c))
Child.describe = lambda self: "patched"
out.append(probe(c))
del Child.describe
out.append(probe(c))
def kind(self):
    return "from property"
Base.kind = property(kind)
del Child.kind
out.append(probe(c))
print(out)
)");
}

TEST_CASE("an instance attribute shadows a cached method and its removal unshadows it") {
  expect_like_cpython(R"(
class Counter:
    def tick(self):
        return "method"

def call(obj):
    return obj.tick()

a, b = Counter(), Counter()
results = [call(a), call(b)]
a.tick = lambda: "instance function"
results += [call(a), call(b)]
del a.tick
results += [call(a), call(b)]
print(results)
)");
}

TEST_CASE("cached attribute stores follow dict layouts, properties and slots") {
  expect_like_cpython(R"(
class Point:
    def __init__(self, x, y, first_y=False):
        if first_y:
            self.y = y
            self.x = x
        else:
            self.x = x
            self.y = y

def move(p):
    p.x = p.x + 1
    return p.x

def set_x(p, v):
    p.x = v

pts = [Point(1, 2), Point(10, 20, True), Point(5, 6)]
print([move(p) for p in pts], [vars(p) for p in pts])
del pts[2].x
print(move(Point(0, 0)), hasattr(pts[2], "x"))

class Guarded:
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 100
g = Guarded()
g.x = 1
print(g.x, g._x)
set_x(pts[0], 7)
class ReadOnly:
    @property
    def x(self):
        return "read only"
Point.x = ReadOnly.__dict__["x"]
print(pts[0].x)
set_x(pts[0], 8)
)");
}

TEST_CASE("a cached attribute store still refuses names outside __slots__") {
  expect_like_cpython(R"(
class Open:
    pass

class Slotted:
    __slots__ = ("x",)

def put(o, v):
    o.x = v
    o.y = v
    return o.x + o.y

print(put(Open(), 1), put(Open(), 2))
put(Slotted(), 3)
)");
}

TEST_CASE("module attribute loads follow the module's dict") {
  expect_like_cpython(R"(
import math

def get():
    return math.pi

first = get()
math.pi = 3
second = get()
del math.pi
try:
    get()
except AttributeError as e:
    print(first, second, e)
)");
}
