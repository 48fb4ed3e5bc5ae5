# __len__ and __bool__ drive truthiness; len() validation.
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        print("  __len__ called")
        return len(self.items)

class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("  __bool__ called")
        return self.on
    def __len__(self):
        return 99

print(len(Bag(1, 2, 3)))
print(bool(Bag()), bool(Bag(0)))
if Bag():
    print("never")
else:
    print("empty bag is falsy")
print(bool(Flag(False)), len(Flag(False)))
print(Flag(True) and "and-result", Flag(False) or "or-result")
print(not Flag(True))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
print(bool(object()))
