# del applied to a call expression.
def f():
    return []
del f()
