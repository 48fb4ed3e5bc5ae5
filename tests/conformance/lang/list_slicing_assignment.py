# List slicing, slice assignment (growing/shrinking), extended slices, deletion.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::3], a[::-1], a[-3:], a[8:2:-2], a[100:], a[-100:2])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = ["ins1", "ins2"]
print(b)
b[:] = [0, 0]
print(b)
c = list(range(6))
c[::2] = ["e0", "e2", "e4"]
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
d = list(range(8))
del d[1::3]
print(d)
d[len(d):] = [100, 200]
print(d)
d[-2:] = []
print(d)
e = [1, 2, 3]
e[0:2] = "ab"
print(e)
s = slice(1, 6, 2)
print(a[s], a[slice(None, None, -1)][:3])
print(a[3:3], a[5:2], len(a[1:-1]))
