# str.isprintable() over every code point, printed as runs; repr() must show exactly the
# printable ones as themselves (quotes and backslash aside) and escape the rest.
runs = []
prev = None
escaped_wrongly = 0
for cp in range(0x110000):
    c = chr(cp)
    printable = c.isprintable()
    shown = repr(c)[1:-1] == c
    if shown != printable and c not in "'\\":
        escaped_wrongly += 1
    if printable != prev:
        runs.append(cp)
        prev = printable
print(len(runs), escaped_wrongly)
for i in range(0, len(runs), 8):
    print(" ".join("%x" % cp for cp in runs[i:i + 8]))
