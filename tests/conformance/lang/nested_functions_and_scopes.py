# Name resolution (LEGB), UnboundLocalError, class-body scope, default-argument capture.
x = "global x"
def reader():
    return x
def shadower():
    x = "local x"
    return x
def broken():
    try:
        print(x)
        x = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
print(reader(), shadower(), x)
broken()
class Scope:
    y = 10
    doubled = [y * 2 for _ in range(1)] if False else None
    def method(self):
        try:
            return y
        except NameError as e:
            return "NameError: " + str(e)
print(Scope().method(), Scope.y)
def builder():
    fns = []
    for i in range(3):
        def f(i=i):
            return i * 10
        fns.append(f)
    return [f() for f in fns]
print(builder())
def outer():
    v = "outer"
    def mid():
        def inner():
            return v
        return inner()
    return mid()
print(outer())
print(sorted(k for k in globals() if not k.startswith("__"))[:6])
