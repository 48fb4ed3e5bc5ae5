# dict: insertion order, get setdefault pop popitem items update copy, views, merge.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("zz"), d.get("zz", "default"))
print(d.setdefault("a", 100), d.setdefault("new", []), d)
d["new"].append("x")
print(d.pop("c"), d.pop("missing", "fallback"), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d)
d.update({"z": 26, "a": -1}, extra=True)
print(d)
d.update([("p", 1), ("q", 2)])
print(d)
del d["b"]
d["b"] = "re-added goes last"
print(list(d))
print(d | {"m": 0}, {"x": 1} | {"x": 2})
e = d.copy()
e.clear()
print(len(d), len(e), dict.fromkeys("ab", 0), dict(zip("xy", [1, 2])), dict(a=1, b=2))
keys = d.keys()
d["late"] = 1
print("late" in keys, len(keys))
try:
    for k in d:
        d["boom"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print({1: "a"} == {1: "a"}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
try:
    {}["nokey"]
except KeyError as e:
    print("KeyError:", e, repr(e))
