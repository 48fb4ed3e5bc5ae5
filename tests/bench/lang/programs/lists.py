# List work: append, indexing, slicing, sort with a key, comprehensions, reversed,
# min/max/sum and in-place updates.


def build(n):
    data = []
    x = 7
    for _ in range(n):
        x = (x * 48271) % 2147483647
        data.append(x % 100000)
    return data


def windows(data, width):
    total = 0
    for i in range(0, len(data) - width, width // 2):
        chunk = data[i:i + width]
        total += max(chunk) - min(chunk) + chunk[width // 2]
    return total


def sort_work(data):
    pairs = [(v % 1000, v) for v in data]
    pairs.sort(key=lambda p: p[0])
    by_digits = sorted(data, key=lambda v: (v % 10, -v))
    return pairs[0][1] + pairs[-1][1] + by_digits[0] + by_digits[len(by_digits) // 2]


def in_place(data):
    n = len(data)
    for i in range(1, n):
        data[i] = (data[i] + data[i - 1]) % 100003
    evens = [v for v in data if v % 2 == 0]
    squares = [v * v % 1009 for v in evens[:5000]]
    rev = list(reversed(squares))
    return len(evens), sum(squares), rev[0], data[-1]


data = build(320000)
print("windows", windows(data, 64))
print("sort", sort_work(data[:150000]))
print("in_place", in_place(data))
