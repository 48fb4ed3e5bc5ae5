# An exception-heavy loop: raising and catching built-in and user exceptions,
# try/except/else/finally, re-raise with `from`, and KeyError/IndexError/ValueError
# from builtin operations.


class AppError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


def risky(i):
    if i % 5 == 0:
        raise AppError(i)
    if i % 7 == 0:
        raise ValueError(i)
    return i


def wrapped(i):
    try:
        return risky(i)
    except ValueError as exc:
        raise AppError(-1) from exc


def loop(n):
    caught = 0
    codes = 0
    cleanups = 0
    chained = 0
    for i in range(n):
        try:
            v = wrapped(i)
        except AppError as e:
            caught += 1
            codes += e.code
            if e.__cause__ is not None:
                chained += 1
        else:
            codes += v % 3
        finally:
            cleanups += 1
    return caught, codes, cleanups, chained


def builtin_errors(n):
    table = {"a": 1}
    items = [1, 2, 3]
    misses = 0
    for i in range(n):
        try:
            table["b"]
        except KeyError:
            misses += 1
        try:
            items[i % 5]
        except IndexError:
            misses += 2
        try:
            int("x" if i % 2 else "12")
        except ValueError:
            misses += 3
    return misses


print("loop", loop(500000))
print("builtin", builtin_errors(250000))
