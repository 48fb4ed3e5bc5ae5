# The iterator protocol: __iter__ / __next__, StopIteration, iter() with a sentinel.
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

class Deck:
    def __init__(self, cards):
        self.cards = cards
    def __iter__(self):
        return iter(self.cards)

for x in Countdown(3):
    print("count", x)
c = Countdown(2)
print(list(c), list(c))
print(list(Deck("AKQ")), list(Deck("AKQ")))
it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
values = iter([5, 4, 0, 3])
print(list(iter(lambda: next(values), 0)))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
a, b, c = Countdown(3)
print(a, b, c, sum(Countdown(4)), max(Countdown(5)))
