# A generator pipeline: source -> filter -> map -> windowed pairs -> sum, plus
# generator expressions, yield from and next() on a generator.


def numbers(n):
    x = 1
    for _ in range(n):
        x = (x * 69069 + 1) % 4294967296
        yield x


def only_odd(items):
    for v in items:
        if v % 2:
            yield v


def reduce_mod(items, m):
    for v in items:
        yield v % m


def pairs(items):
    prev = None
    for v in items:
        if prev is not None:
            yield prev, v
        prev = v


def chained(n):
    yield from range(n)
    yield from (i * 2 for i in range(n))


def pipeline(n):
    total = 0
    for a, b in pairs(reduce_mod(only_odd(numbers(n)), 1000)):
        total += a * b
    return total % 1000000007


def expressions(n):
    squares = sum(i * i for i in range(n) if i % 3)
    gen = chained(n)
    first = next(gen)
    rest = sum(gen)
    return squares, first, rest


print("pipeline", pipeline(1400000))
print("expressions", expressions(1000000))
