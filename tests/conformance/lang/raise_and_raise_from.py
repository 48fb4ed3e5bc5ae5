# raise with classes/instances, re-raise, raise from, raise from None.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("cannot parse " + repr(s)) from e

try:
    parse("x1")
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress:", e.__suppress_context__)

try:
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("hidden context") from None
except ValueError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    raise TypeError
except TypeError as e:
    print("class raised:", repr(e))

def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling, then re-raise")
        raise
try:
    reraiser()
except ZeroDivisionError as e:
    print("re-raised:", e)

try:
    raise ValueError("a", 2, None)
except ValueError as e:
    print(e.args, str(e))
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
