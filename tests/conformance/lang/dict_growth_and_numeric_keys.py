# Dict tables through growth, deletions, compaction and popitem, with keys that are equal
# across int, float and bool; str concatenation and int formatting feeding the keys.
d = {}
for i in range(2000):
    d["k" + str(i * 7 % 1009)] = d.get("k" + str(i * 7 % 1009), 0) + i
print(len(d), sum(d.values()), list(d)[:5], list(d)[-3:])
for i in range(0, 1009, 2):
    del d["k" + str(i)]
print(len(d), list(d.items())[:4])
for i in range(0, 40):
    d[f"k{i}"] = -i
print(len(d), list(d)[-6:], d.popitem(), d.popitem(), len(d))
while len(d) > 3:
    d.popitem()
print(d)
nums = {1: "int", 2.0: "float", True: "bool", 3: "three"}
nums[1.0] = "float one"
nums[2] = "int two"
print(nums, nums[True], 2 in nums, 2.5 in nums, 3.0 in nums)
big = {2 ** 53 + 1: "odd", 2 ** 53: "even"}
print(big.get(float(2 ** 53)), big.get(float(2 ** 53 + 1)), float(2 ** 53 + 1) in big)
print({-0.0: "zero"}[0], {0: "z"}[-0.0], {0.5: "half"}.get(1 / 2), 1.5 in {1: 0, 2: 0})
grow = {}
for n in range(1, 300):
    grow[n * 1000003 % 65537] = n
    if n % 7 == 0:
        grow.pop((n - 3) * 1000003 % 65537)
print(len(grow), list(grow.items())[:6], list(grow)[-4:])
merged = {**{f"a{i}": i for i in range(10)}, **{f"a{i}": -i for i in range(5, 15)}}
print(merged, "a" + "b" * 3 + "\u00e9" + "", len("x\u00e9" + "y\u0101"), ("x\u00e9" + "y")[1:])
print(f"{12}|{-7}|{True}|{0}|{2 ** 62}|{12:>5}|{3.5}")
