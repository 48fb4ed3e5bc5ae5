# Assignment to a call expression.
def f():
    return 1
f() = 3
