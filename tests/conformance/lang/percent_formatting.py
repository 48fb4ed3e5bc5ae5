# printf-style % formatting.
print("%s and %r" % ("str", "str"))
print("%d %i %5d %-5d| %05d %+d" % (42, 42, 42, 42, 42, 42))
print("%f %.2f %10.3f %-10.1f| %e %.2E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 12345.678, 0.00001234, 1e20))
print("%x %X %#x %o %#o %c %c" % (255, 255, 255, 8, 8, 65, "z"))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("100%% sure, %s" % "yes")
print("%s" % ((1, 2),), "%s %s" % (1, 2), "%s" % [1, 2], "%s" % None)
print("%*d|%-*s|%.*f" % (5, 1, 4, "ab", 2, 2.71828))
print("%.3s|%5.1s|" % ("abcdef", "xyz"))
print("%d" % 3.99, "%s" % 3.0, "%r" % 0.1, "%i" % True)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
print("%d items" % 5, "%5s|%-5s|" % ("r", "l"))
