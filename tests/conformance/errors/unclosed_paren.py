# A call whose parenthesis is never closed.
values = [1, 2, 3]
total = sum(values
print(total)
