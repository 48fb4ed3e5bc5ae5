# continue inside a function but outside any loop.
def f():
    continue
f()
