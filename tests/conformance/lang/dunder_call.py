# __call__ makes instances callable; callable(); call counting objects.
class Adder:
    def __init__(self, base):
        self.base = base
    def __call__(self, x, *more, scale=1):
        return (self.base + x + sum(more)) * scale

add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10))
print(callable(add5), callable(Adder), callable(5), callable(print), callable(lambda: 0))
print(list(map(Adder(100), [1, 2, 3])))
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
five = 5
try:
    five()
except TypeError as e:
    print("TypeError:", e)
text = "text"
try:
    text()
except TypeError as e:
    print("TypeError:", e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
