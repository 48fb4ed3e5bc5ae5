# list.sort and sorted: key, reverse, stability, mixed type errors.
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
records = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30)]
records.sort(key=lambda r: r[1])
print(records)
records.sort(key=lambda r: r[1], reverse=True)
print(records)
nums = [5, -3, 2, -8, 0]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True))
result = nums.sort()
print(result, nums)
print(sorted("hello"), sorted({3: "c", 1: "a"}), sorted((3, 1, 2)))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
print(sorted([[2, "b"], [1, "z"], [2, "a"]]), sorted([3.5, 1, 2.25]))
print(list(reversed([1, 2, 3])), sorted([], reverse=True))
