# Closures capture variables (not values); late binding in loops.
def make_multiplier(n):
    def mul(x):
        return x * n
    return mul

double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5))

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

def accumulator():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add
acc = accumulator()
acc(1)
print(acc(2))

def counter():
    n = 0
    def get():
        return n
    def inc():
        nonlocal n
        n += 1
    return get, inc
get, inc = counter()
inc(); inc()
print(get())
print(double.__closure__ is not None, len(double.__closure__))
print(double.__closure__[0].cell_contents)
def outer():
    x = 1
    def middle():
        def inner():
            return x + 1
        return inner
    x = 10
    return middle()()
print(outer())
