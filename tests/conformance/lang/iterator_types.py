# Each built-in iterator kind has its own type (list_iterator, str_ascii_iterator,
# dict_reversekeyiterator...), `reversed` is a type, and the types do not change iteration.
class Seq:
    def __getitem__(self, i):
        print("getitem", i)
        if i < 3:
            return i * 10
        raise IndexError(i)


class Sized(Seq):
    def __len__(self):
        return 3


class Countdown:
    def __init__(self):
        self.n = 3

    def __call__(self):
        self.n -= 1
        return self.n


d = {"a": 1, "b": 2}
its = [
    iter([1, 2]), iter((1, 2)), iter("ab"), iter("héllo"), iter(""), iter(range(3)),
    iter(d), iter(d.keys()), iter(d.values()), iter(d.items()), iter({1, 2}), iter(frozenset({3})),
    reversed([1, 2]), reversed((1, 2)), reversed("ab"), reversed(range(4)), reversed(d),
    reversed(d.keys()), reversed(d.values()), reversed(d.items()), iter(Seq()), reversed(Sized()),
    iter(Countdown(), 0), enumerate("x"), zip("a", "b"), map(str, [1]), filter(None, [0, 1]),
    (c for c in "ab"),
]
for it in its:
    t = type(it)
    print(t.__name__, t.__qualname__, repr(t), t.__module__, iter(it) is it, list(it))

print(reversed, type(reversed), reversed.__name__, isinstance(reversed((1,)), reversed))
print(type(reversed([1])) is reversed, type(reversed("a")) is reversed, type(iter([])) is type(iter([5])))
print(type(iter("abc")) is type(iter("é")), type(iter(d)) is type(iter(d.keys())))

it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e.args))

lst = [1]
it = iter(lst)
print(list(it))
lst.append(2)
print(list(it), 2 in iter(lst), 5 in iter(range(3)))

rit = reversed(lst)
print(next(rit), type(rit).__name__, list(rit), list(rit))

for name, it in [("range", iter(range(2, 8, 3))), ("str", iter("hé")), ("set", iter({7}))]:
    print(name, type(it).__name__, [x for x in it])

g = iter(Seq())
print(next(g), next(g), next(g), next(g, "end"), next(g, "still end"))
r = reversed(Sized())
print(next(r), list(r), next(r, "end"))

try:
    reversed(Seq())
except TypeError as e:
    print("TypeError:", e)

dit = iter(d)
d["c"] = 3
try:
    next(dit)
except RuntimeError as e:
    print(type(dit).__name__, "RuntimeError:", e)
