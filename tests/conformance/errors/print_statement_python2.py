# Python 2 style print statement.
name = "x"
print "hello", name
