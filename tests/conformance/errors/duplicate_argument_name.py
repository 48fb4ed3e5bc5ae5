# The same parameter name twice.
def f(a, b, a):
    return a
