# An assignment expression used as a bare statement.
print("x")
y := 5
