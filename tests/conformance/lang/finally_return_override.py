# return / break / continue inside finally, and what they swallow.
def f():
    try:
        return "try"
    finally:
        print("finally runs after return expression is evaluated")

def g():
    try:
        return "try"
    finally:
        return "finally wins"

def h():
    try:
        raise ValueError("lost")
    finally:
        return "exception swallowed"

def k():
    for i in range(5):
        try:
            if i == 2:
                raise RuntimeError("stop?")
        finally:
            if i == 2:
                break
    return i

def order():
    out = []
    try:
        out.append(1)
        return out
    finally:
        out.append(2)

print(f())
print(g())
print(h())
print(k())
print(order())
def counter():
    n = 0
    while True:
        try:
            n += 1
            if n < 3:
                continue
            return n
        finally:
            print("finally n =", n)
print(counter())
