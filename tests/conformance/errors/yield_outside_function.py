# yield at module level.
print("top")
yield 5
