# f-strings: expressions, nested specs, conversions, the = specifier, quotes, braces.
name, n, pi = "World", 42, 3.14159
print(f"Hello, {name}! {n + 1} {n * 2:>6} {pi:.2f}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}] [{name:{'^'}{width}}]")
print(f"{name!r} {name!s} {name=} {n=} {pi = :.1f} {n * 2 = }")
print(f"{{braces}} {'single'} {'double' if False else 'ok'}")
items = ["a", "b"]
print(f"{items} {items[0]} {len(items)} {','.join(items)} {dict(k=1)['k']}")
print(f"{'nested ' + f'{n:03d}'}")
print(f"{n:#x} {n:b} {n:,} {1234567.5:,.2f} {0.25:.0%}")
def greet(x):
    return "hi " + x
print(f"{greet(name).upper()} {[i * i for i in range(4)]} {(lambda: 'lam')()}")
obj = {"key": [10, 20]}
print(f"{obj['key'][1]} {obj!r}")
print(f"{3 > 2} {None} {True:d} {1.0:g} {10 / 4}")
multi = f"""line1 {n}
line2 {name}"""
print(multi)
print(f"{'%':>3}|{-5:5}|{5:<5}|{'x':*<4}|")
value = 12.0
print(f"{value}|{value:.1f}|{value:g}|{int(value)}|{value!r}")
