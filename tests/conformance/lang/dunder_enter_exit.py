# __enter__ / __exit__ protocol details: arguments, return values, exceptions in exit.
class Resource:
    def __init__(self, name):
        self.name = name
        self.open = False
    def __enter__(self):
        self.open = True
        print("acquire", self.name)
        return self
    def __exit__(self, exc_type, exc_value, traceback):
        self.open = False
        print("release", self.name, exc_type is None, repr(exc_value), traceback is None)
        if exc_type is ZeroDivisionError:
            print("  suppressing", exc_type.__name__)
            return True
        return None

with Resource("file") as r:
    print("using", r.name, r.open)
print("closed?", not r.open)
with Resource("calc"):
    print(1 / 0)
print("continued after suppression")
try:
    with Resource("strict"):
        int("nope")
except ValueError as e:
    print("propagated:", e)
class ExitRaises:
    def __enter__(self):
        return None
    def __exit__(self, *args):
        raise RuntimeError("from __exit__")
try:
    with ExitRaises() as nothing:
        print("entered, got", nothing)
        raise KeyError("original")
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", repr(e.__context__))
try:
    with object():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
