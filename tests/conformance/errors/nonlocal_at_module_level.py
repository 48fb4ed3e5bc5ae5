# nonlocal declaration at module level.
nonlocal x
print(x)
