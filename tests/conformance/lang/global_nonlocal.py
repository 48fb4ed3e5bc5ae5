# global and nonlocal declarations, LEGB lookup, shadowing.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

print(bump(), bump(), counter)

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())

x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    def shadow():
        x = "local"
        return x
    return inner(), shadow(), x
print(outer(), x)

def define_global():
    global created_later
    created_later = "made inside a function"
define_global()
print(created_later)

def nested_nonlocal():
    a = 1
    def level1():
        def level2():
            nonlocal a
            a += 100
        level2()
        return a
    return level1(), a
print(nested_nonlocal())
len = lambda s: "shadowed builtin"
print(len([1, 2]))
del len
print(len([1, 2]))
