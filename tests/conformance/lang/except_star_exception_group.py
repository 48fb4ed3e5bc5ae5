# ExceptionGroup and except*: splitting, nesting, re-raising leftovers.
def show(eg, indent=""):
    print(indent + type(eg).__name__ + ":", str(eg))
    for exc in eg.exceptions:
        if isinstance(exc, BaseExceptionGroup):
            show(exc, indent + "  ")
        else:
            print(indent + "  " + repr(exc))

eg = ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2"),
                              ExceptionGroup("inner", [KeyError("k"), ValueError("v3")])])
show(eg)
try:
    raise eg
except* ValueError as group:
    print("ValueError part:")
    show(group, "  ")
except* (TypeError, KeyError) as group:
    print("Type/Key part:")
    show(group, "  ")

try:
    try:
        raise ExceptionGroup("two", [OSError("disk"), ZeroDivisionError("zero")])
    except* OSError as g:
        print("handled", g.exceptions)
except ExceptionGroup as rest:
    print("left over:", rest.message, rest.exceptions)

try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked exception wrapped:", type(g).__name__, g.exceptions)

match, rest = eg.split(ValueError)
print(match.exceptions[0], len(rest.exceptions))
sub = eg.subgroup(lambda e: isinstance(e, KeyError))
print(sub)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
print(isinstance(ExceptionGroup("x", [ValueError()]), Exception))
print(type(BaseExceptionGroup("y", [KeyboardInterrupt()])).__name__)
