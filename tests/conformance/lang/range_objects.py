# range objects: lengths, negative steps, indexing, slicing, membership, repr.
for r in [range(5), range(2, 10), range(10, 0, -3), range(0), range(5, 2), range(-5, 5, 4)]:
    print(r, list(r), len(r))
r = range(0, 100, 7)
print(r[3], r[-1], r[2:5], r[::-1][:3], 49 in r, 50 in r, r.index(21), r.count(14))
print(range(3) == range(0, 3), range(0) == range(4, 2), repr(range(1, 2, 1)))
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True))
try:
    range(1, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
big = range(10 ** 12)
print(len(big), big[-1], 10 ** 11 in big)
print(r.start, r.stop, r.step, list(reversed(range(4))))
