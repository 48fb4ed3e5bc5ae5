# hasattr getattr setattr delattr callable vars dir on user objects.
class Config:
    debug = False
    def __init__(self):
        self.name = "app"
    def method(self):
        return "called"

c = Config()
print(hasattr(c, "name"), hasattr(c, "debug"), hasattr(c, "missing"), hasattr(c, "method"))
print(getattr(c, "name"), getattr(c, "missing", "fallback"), getattr(c, "method")())
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
setattr(c, "level", 3)
setattr(c, "name", "renamed")
print(c.level, c.name, vars(c))
delattr(c, "level")
print(hasattr(c, "level"), vars(c))
try:
    delattr(c, "level")
except AttributeError as e:
    print("AttributeError:", e)
print(callable(c.method), callable(c.name), callable(Config))
print([n for n in dir(c) if not n.startswith("_")])
class Lazy:
    def __getattr__(self, name):
        return "computed " + name
lz = Lazy()
print(lz.anything, getattr(lz, "other"), hasattr(lz, "x"))
for field in ["debug", "name"]:
    print(field, "=", getattr(c, field))
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
