# User-defined exception hierarchies, args, custom __init__ / __str__, catching by base.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key, where="db"):
        super().__init__(key, where)
        self.key = key
        self.where = where
    def __str__(self):
        return f"{self.key!r} not found in {self.where}"

class Plain(AppError):
    pass

for exc in [NotFound("user"), Plain(), Plain("one"), Plain("a", 1), AppError("base")]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", e, "|", repr(e), "|", e.args)

try:
    raise NotFound("cfg", where="disk")
except LookupError:
    print("wrong")
except AppError as e:
    print("caught by base class:", e, e.key, e.where)
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__)
e = ValueError("x")
e.note = "attached attribute"
print(e.note, str(KeyError("k")), str(KeyError()), repr(KeyError("k")))
print(repr(Exception()), repr(Exception("a", "b")), str(Exception("a", "b")))
err = OSError(2, "No such file")
print(err.errno, err.strerror, str(err))
e2 = ValueError("with note")
e2.add_note("a note")
print(e2.__notes__)
