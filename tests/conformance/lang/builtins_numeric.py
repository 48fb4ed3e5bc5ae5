# sum min max abs round divmod pow on ints/floats, with key/default/start arguments.
nums = [3, -7, 2.5, 10, 0]
print(sum(nums), sum(nums, 100), sum([]), sum([0.1] * 10), sum([[1], [2]], []))
print(min(nums), max(nums), min(nums, key=abs), max(nums, key=abs), min(4, 2, 8), max("apple", "pear"))
print(min([], default="empty"), max([], default=None), max([1, 3, 3.0]), min([(2, "b"), (1, "z")]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
print(abs(-3), abs(-2.5), abs(0), abs(-0.0), abs(True))
print(round(3.14159, 2), round(2.5), round(-2.5), round(17, -1), divmod(17, 5), divmod(-17, 5))
print(pow(2, 8), pow(2, 8, 10), pow(9, 0.5), 2 ** 3 ** 2, (2 ** 3) ** 2)
print(sum(range(1, 11)) / len(range(1, 11)), sum(x * x for x in range(4)))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
print(max(1, 2, key=lambda v: -v), min("b", "A", "c", key=str.lower))
