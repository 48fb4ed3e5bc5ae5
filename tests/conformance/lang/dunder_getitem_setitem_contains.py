# __getitem__ / __setitem__ / __delitem__ / __contains__, including slices.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} outside grid")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
    def __contains__(self, value):
        return value in self.cells.values()

g = Grid(3, 2)
g[0, 1] = "X"
g[2, 0] = "O"
print(g[0, 1], g[1, 1], "X" in g, "Z" in g, "Z" not in g)
print(g[1:5], g[::2])
del g[0, 1]
print(g[0, 1])
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
class Squares:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError(i)
        return i * i
print(9 in Squares(), 10 in Squares(), list(Squares()))
try:
    object()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2)[0] = 5
except TypeError as e:
    print("TypeError:", e)
