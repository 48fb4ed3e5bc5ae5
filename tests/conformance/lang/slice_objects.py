# slice objects: attributes, indices(), use with lists/strings/custom classes.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(6), slice(None).indices(4), slice(-3, None).indices(10), slice(None, None, -2).indices(5))
data = list(range(12))
print(data[s], "abcdefghijk"[s], tuple(range(12))[s])
class Recorder:
    def __getitem__(self, key):
        return key
r = Recorder()
print(r[1:2], r[::3], r[:, 1], r[1:2, ::2], r[...], r[5])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(0, 5, 0).indices(3)
except ValueError as e:
    print("ValueError:", e)
last_two = slice(-2, None)
print("hello"[last_two], [1, 2, 3][last_two])
