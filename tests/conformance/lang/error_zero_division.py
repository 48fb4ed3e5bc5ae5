# Uncaught ZeroDivisionError deep in a call chain.
def ratio(a, b):
    return a / b
def report(values):
    for v in values:
        print("ratio", ratio(10, v))
report([5, 2, 0, 1])
