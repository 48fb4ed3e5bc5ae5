# Class vs instance attributes, shadowing, shared mutable class attributes.
class Counter:
    instances = 0
    shared = []
    def __init__(self, label):
        Counter.instances += 1
        self.label = label
        self.own = []
    def add(self, x):
        self.shared.append(x)
        self.own.append(x)

a, b = Counter("a"), Counter("b")
a.add(1); b.add(2)
print(Counter.instances, a.shared, b.own, a.shared is b.shared)
a.instances = 100
print(a.instances, b.instances, Counter.instances)
del a.instances
print(a.instances)
print(sorted(k for k in vars(a)), sorted(k for k in Counter.__dict__ if not k.startswith("__")))
Counter.new_attr = "added later"
print(b.new_attr)
print(getattr(Counter, "missing", "default"))
class WithSlots:
    __slots__ = ("x",)
    def __init__(self):
        self.x = 1
w = WithSlots()
try:
    w.y = 2
except AttributeError as e:
    print("AttributeError:", e)
print(Counter.__name__, Counter.__qualname__, Counter.__module__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__)
