# from-import-star inside a function body.
def f():
    from math import *
    return pi
