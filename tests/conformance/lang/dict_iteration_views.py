# dict views are live; iteration order; set operations on keys/items views.
d = {"x": 1, "y": 2, "z": 3}
keys, values, items = d.keys(), d.values(), d.items()
print(keys, values, items)
d["w"] = 0
del d["x"]
print(list(keys), list(values), list(items), len(keys))
print(keys & {"y", "q"}, sorted(keys | {"a"}), keys - {"y"}, ("y", 2) in items, 2 in values)
for k, v in d.items():
    print(k, "->", v)
print(list(reversed(d)), list(reversed(d.items())))
print(sorted(d, key=d.get), max(d, key=lambda k: d[k]), min(d.values()))
inverted = {}
for k, v in d.items():
    inverted.setdefault(v % 2, []).append(k)
print(inverted)
print(list(dict.fromkeys("banana")), {**d, "y": 99}, {**{"a": 1}, **{"a": 2}})
try:
    values & values
except TypeError as e:
    print("TypeError:", e)
print(d.keys() == {"y", "z", "w"}, list(d.values()) == [2, 3, 0])
