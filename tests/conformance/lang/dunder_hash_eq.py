# __hash__ and __eq__: dict/set membership, unhashable objects, hash of builtins.
class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __hash__(self):
        return hash(self.name.lower())
    def __repr__(self):
        return f"Key({self.name})"

d = {Key("Alpha"): 1}
print(d[Key("ALPHA")])
s = {Key("a"), Key("A"), Key("b")}
print(len(s))
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__)
try:
    {EqOnly()}
except TypeError as e:
    print("TypeError:", e)
try:
    hash([1, 2])
except TypeError as e:
    print("TypeError:", e)
print(hash(1), hash(True), hash(1.0), hash(-1), hash(-2), hash(0), hash(2**61 - 1), hash(2**61))
print(hash((1, 2)) == hash((1, 2)), hash(1.5), hash(None) == hash(None))
print(1 == 1.0 == True, {1: "int", 1.0: "float", True: "bool"})
print(hash(frozenset()) == hash(frozenset()), Key("x") == Key("X"), Key("x") != Key("y"))
class Plain:
    pass
p = Plain()
print(p == p, p != Plain(), {p: 1}[p])
