# Rich comparisons: __eq__ __lt__ __le__ __gt__ __ge__, reflection and NotImplemented.
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        print("  __lt__", self, other)
        return self.parts < other.parts
    def __le__(self, other):
        print("  __le__", self, other)
        return self.parts <= other.parts
    def __gt__(self, other):
        print("  __gt__", self, other)
        return self.parts > other.parts
    def __ge__(self, other):
        print("  __ge__", self, other)
        return self.parts >= other.parts

a, b = Version(1, 2), Version(1, 10)
print(a < b)
print(a <= b)
print(a > b)
print(a >= b)
print(a == Version(1, 2), a != b, a == "1.2")
print(sorted([Version(2), Version(1, 5), Version(1)]))
class OnlyLt:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
print(OnlyLt(1) > OnlyLt(0))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print("TypeError:", e)
try:
    Version(1) < 3
except AttributeError as e:
    print("AttributeError:", e)
print(max([Version(3), Version(9), Version(4)]))
print(1 < 2 < 3, 1 < 3 < 2, (1, 2) < (1, 3), [1, 2] == [1, 2], "a" < "b")
