# Unpacking in calls and displays: *iterables, **mappings, multiple unpackings.
def show(*args, **kwargs):
    return args, kwargs
print(show(*[1, 2], *"ab", 3))
print(show(**{"a": 1}, **{"b": 2}, c=3))
print(show(*range(3), **dict(x=1)))
try:
    show(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError:", e)
try:
    show(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**[1])
except TypeError as e:
    print("TypeError:", e)
print([*range(3), *"xy"], (*[1], 2), {*"aab", 3} == {"a", "b", 3}, {**{"k": 1}, "j": 2})
first, *_ = [*"hello"]
print(first)
args = (10, 3)
print(divmod(*args), max(*args, 7), "{}-{}".format(*args))
def kwonly(*, a, b):
    return a - b
print(kwonly(**{"b": 1, "a": 5}))
print(*[1, 2, 3], sep=" < ")
