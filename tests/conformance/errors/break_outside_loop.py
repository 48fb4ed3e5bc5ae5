# break with no enclosing loop.
x = 1
if x:
    break
