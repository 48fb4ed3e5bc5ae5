# Unbounded recursion raises RecursionError with CPython's message; the program recovers.
def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, "|", e)
    print(isinstance(e, RuntimeError))

def recurse_in_method():
    class Node:
        def value(self):
            return self.value()
    return Node().value()
try:
    recurse_in_method()
except RecursionError as e:
    print("method:", e)
print("still running")
