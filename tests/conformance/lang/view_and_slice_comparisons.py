# Comparisons of dict views with sets and views, and of slice objects (as tuples).
d = {1: 'a', 2: 'b'}
print(d.keys() == {1, 2}, {1, 2} == d.keys(), d.keys() < {1, 2, 3}, d.keys() != {1}, d.items() == {(1, 'a'), (2, 'b')})
print(d.keys() == d.keys(), d.values() == d.values(), d.keys() == [1, 2], {1, 2, 3} > d.keys(), frozenset({1, 2}) <= d.keys())
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), slice(None) == slice(None), slice(1, 2) != slice(1, 2, 1))
