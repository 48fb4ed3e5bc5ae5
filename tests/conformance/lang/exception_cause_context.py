# __cause__, __context__ and __suppress_context__ in chained exceptions.
def describe(e):
    parts = []
    while e is not None:
        parts.append(f"{type(e).__name__}({e})")
        if e.__cause__ is not None:
            e = e.__cause__
            parts.append("caused by")
        elif e.__context__ is not None and not e.__suppress_context__:
            e = e.__context__
            parts.append("during")
        else:
            e = None
    return " ".join(parts)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("implicit")
except KeyError as e:
    print(describe(e))

try:
    try:
        int("x")
    except ValueError as inner:
        raise RuntimeError("explicit") from inner
except RuntimeError as e:
    print(describe(e), e.__context__ is e.__cause__)

try:
    try:
        [][0]
    except IndexError:
        raise TypeError("suppressed") from None
except TypeError as e:
    print(describe(e), type(e.__context__).__name__)

try:
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError:
            raise OSError("c")
except OSError as e:
    print(describe(e))
e = RuntimeError("manual")
e.__cause__ = KeyError("set by hand")
print(describe(e), e.__suppress_context__)
