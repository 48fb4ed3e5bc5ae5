# Function calls: naive recursive fib, then many calls of small functions with
# positional, default and keyword arguments, and a closure.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def add(a, b):
    return a + b


def scale(x, factor=3):
    return x * factor


def clamp(x, lo=0, hi=1000):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count

    return bump


def small_calls(n):
    total = 0
    bump = make_counter(2)
    for i in range(n):
        total = add(total, scale(i % 7))
        total = add(total, clamp(i - 500, hi=700))
        total += bump() % 5
        total %= 1000003
    return total


print("fib", fib(29))
print("small", small_calls(1300000))
