# Assignment to a literal is an invalid target.
x = 1
5 = x
