# bool as an int subclass, short-circuit and/or returning operands, None identity.
print(True + True, True * 10, False - 1, True / 2, sum([True, True, False]))
print(isinstance(True, int), type(True).__name__, int(True), str(False), repr(True))
print(True == 1, False == 0, True is True, bool(2), bool(-1), bool(0.0), bool("False"))
print(0 or "default", "" or [] or None, 1 and 2, 0 and 1/0, None or 0, "a" and "b" or "c")
def side(name, result):
    print("  evaluated", name)
    return result
print(side("A", False) and side("B", True))
print(side("C", True) or side("D", True))
print(not None, not [], not [0], None is None, None == False, type(None).__name__)
x = None
print(x is None, x is not None, repr(x), str(x), bool(x))
def nothing():
    pass
print(nothing(), nothing() is None)
print(True & False, True | False, True ^ True, ~True, -True, True << 3)
print(max(True, 2), sorted([True, False, 0, 1]), {True: "a", 1: "b"}, [False] * 2)
print(bool(None), bool(...), Ellipsis, None.__class__)
