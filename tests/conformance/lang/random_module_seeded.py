# random.seed with ints, the int64 edges, negatives and floats; restarting a sequence.
import random
MAX64, MIN64 = 9223372036854775807, -9223372036854775807 - 1  # the int64 edges
for seed in [42, 1, MAX64, MIN64, 2 ** 32 + 5, -7, 3.5, -0.25, 12345]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(1, 100), random.choice("ABCDE"))
random.seed(99)
first = [random.random() for _ in range(3)]
random.seed(99)
again = [random.random() for _ in range(3)]
print(first == again, first)
random.seed(7)
items = ["a", "b", "c", "d", "e"]
random.shuffle(items)
print(items, random.sample(items, 2), random.uniform(0, 100))
print([random.randrange(2) for _ in range(20)])
print([round(random.gauss(100, 15), 6) for _ in range(4)])
rng = random.Random(5)
print(rng.random(), rng.randint(1, 10), random.random())
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    random.sample([1, 2], 5)
except ValueError as e:
    print("ValueError:", e)
