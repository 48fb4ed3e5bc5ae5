# An assignment with a doubled operator.
x = = 1
print(x)
