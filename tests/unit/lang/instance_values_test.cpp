// Instance attributes live inline (keyed by the class's shared key list) until something
// needs a real dict. Every switch between the two layouts must leave what a program sees
// (attribute order, vars(), __dict__, del, slots, errors) exactly as CPython 3.11 shows it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/unit/lang/like_cpython.hpp"

namespace {

void check_against_cpython(const std::vector<std::string>& programs) {
  for (const std::string& source : programs) looplab::testing::expect_like_cpython(source);
}

}  // namespace

TEST_CASE("instance attribute order survives out-of-order stores, deletion and re-adding") {
  check_against_cpython({R"(
class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b
p, q = P(1, 2), P(3, 4)
q.c = 5
r = P.__new__(P)
r.b = 1
r.a = 2
s = P(5, 6)
del s.a
s.a = 7
print(vars(p), vars(q), vars(r), vars(s), s.a, s.b)
print([vars(P(i, -i)) for i in range(3)])
)",
                         R"(
class Wide:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "f%d" % i, i)
w = Wide(45)
print(len(vars(w)), w.f0, w.f29, w.f30, w.f44, list(vars(Wide(3))))
)"});
}

TEST_CASE("__dict__ and vars() hand out the live attribute dict of an inline instance") {
  check_against_cpython({R"(
class P:
    def __init__(self):
        self.a = 1
        self.b = 2
p = P()
d = p.__dict__
d["z"] = 3
p.c = 4
print(p.z, vars(p), d is vars(p))
d.clear()
print(hasattr(p, "a"), vars(p))
p.a = 5
print(vars(p), p.a)
q = P()
vars(q)["a"] = 10
print(q.a, q.b)
)"});
}

TEST_CASE("getattr, setattr, hasattr and missing attributes behave alike on inline instances") {
  check_against_cpython({R"(
class P:
    def __init__(self):
        self.a = 1
p = P()
setattr(p, "x" + "y", 2)
print(getattr(p, "x" + "y"), getattr(p, "a"), hasattr(p, "xy"), hasattr(p, "no"), vars(p))
p.xy += 1
print(p.xy, getattr(p, "nope", "default"))
try:
    del p.nope
except AttributeError as e:
    print("del:", e)
print(p.missing)
)"});
}

TEST_CASE("an instance attribute stored inline shadows a method until deleted") {
  check_against_cpython({R"(
class C:
    def f(self):
        return "method"
c = C()
c.g = 1
c.f = lambda: "instance"
print(c.f(), C().f())
del c.f
print(c.f(), vars(c))
)"});
}

TEST_CASE("replacing an inline attribute releases the old value at once") {
  check_against_cpython({R"(
class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
class Holder:
    pass
h = Holder()
h.x = Noisy(1)
h.x = Noisy(2)
h.y = Noisy(3)
print("before")
del h
print("after")
)"});
}

TEST_CASE("slots, exceptions and subclasses keep their attribute rules with inline values") {
  check_against_cpython({R"(
class S:
    __slots__ = ("a",)
s = S()
s.a = 1
print(s.a)
class E(Exception):
    pass
e = E("x")
e.note = 5
print(e.note, vars(e), e.args)
class Base:
    def __init__(self):
        self.a = 1
class Child(Base):
    def __init__(self):
        self.c = 0
        super().__init__()
print(vars(Base()), vars(Child()))
try:
    s.b = 2
except AttributeError as err:
    print(err)
)"});
}
