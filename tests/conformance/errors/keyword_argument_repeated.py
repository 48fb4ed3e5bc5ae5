# The same keyword argument given twice in one call.
def f(**kw):
    return kw
f(a=1, a=2)
