# Two expressions side by side with no comma.
items = [1, 2 3, 4]
print(items)
