# Uncaught AttributeError: 'Foo' object has no attribute 'x'.
class Foo:
    def __init__(self):
        self.y = 1
foo = Foo()
print(foo.y)
print(foo.x)
