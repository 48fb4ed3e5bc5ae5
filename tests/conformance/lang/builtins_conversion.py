# Constructors as conversions: int float str bool list tuple dict set repr.
print(int("42"), int("-7"), int(" 12 "), int("1_000"), int("ff", 16), int("0x1F", 0), int("0b101", 0), int("777", 8))
print(int(3.99), int(-3.99), int(True), int("z", 36), int(), float(), str(), bool(), list(), tuple(), dict())
print(float("3.5"), float(" -1e3 "), float(7), float("inf"), str(3.0), str(10 ** 18), str(None))
print(bool(""), bool("0"), bool([]), bool([[]]), bool(0.0), list("hi"), tuple({"a": 1}))
print(dict([("a", 1), ["b", 2]]), dict(a=1), dict({"x": 1}, y=2), set("aab") == {"a", "b"})
print(repr("it's"), repr('say "hi"'), repr(1.0), repr([1, "a", None]), repr((1,)), repr({}))
for bad in ["12.5", "abc", "", "1 2", "0x10"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ["abc", "1.2.3", ""]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError:", e)
print(str(None), list(range(3)), tuple([1, [2]]), sorted(set([3, 1, 2])))
