# type(): classes as objects, type names, dynamic class creation.
values = [1, 1.0, "s", None, True, [1], (1,), {1: 2}, {1}, range(1), len, type, object()]
for v in values:
    print(type(v).__name__, type(v))
class Foo:
    pass
print(type(Foo), type(Foo()), Foo.__name__, type(Foo()) is Foo, type(type))
Dyn = type("Dyn", (Foo,), {"x": 5, "hello": lambda self: "hi from " + type(self).__name__})
d = Dyn()
print(Dyn.__name__, d.x, d.hello(), isinstance(d, Foo), Dyn.__bases__)
print(int("12") + int.__add__(1, 2), str.upper("abc"), list.__name__)
def gen():
    yield
print(type(print), type(lambda: 0), type(gen))
print(type(gen()), type(x for x in []), type(iter([])), type(iter(range(2))))
print(type(1) == int, type(1) is int, type(True) is int, type(None)())
print(type(...), type(NotImplemented), type(slice(1)), type(zip()), type(map(abs, [])))
