# isinstance / issubclass with classes, tuples, builtin hierarchy, errors.
class A: pass
class B(A): pass
class C(B): pass
class D: pass
objs = [A(), B(), C(), D()]
for o in objs:
    print(type(o).__name__, isinstance(o, A), isinstance(o, B), isinstance(o, (D, C)))
print(issubclass(C, A), issubclass(A, C), issubclass(C, C), issubclass(B, (D, A)), issubclass(D, object))
print(isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)), isinstance("s", str))
print(issubclass(bool, int), issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError))
print(issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, BaseException))
print(isinstance(None, object), isinstance(int, type), isinstance(A, type), isinstance([], (list, tuple)))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(A(), A)
except TypeError as e:
    print("TypeError:", e)
print([c.__name__ for c in ZeroDivisionError.__mro__], [c.__name__ for c in bool.__mro__])
