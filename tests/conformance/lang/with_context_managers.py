# with statements: order of __enter__/__exit__, suppression, multiple managers.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Tracker("a") as value:
    print("inside with", value)
with Tracker("outer") as o, Tracker("inner") as i:
    print("both", o, i)
with Tracker("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed error")
try:
    with Tracker("loud"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)
def early():
    with Tracker("returning"):
        return "returned value"
print(early())
for n in range(3):
    with Tracker("loop%d" % n):
        if n == 1:
            continue
        if n == 2:
            break
        print("body", n)
with (Tracker("p1") as x,
      Tracker("p2") as y):
    print(x, y)
