# Format specs for width, fill and alignment on strings and numbers; !r !s !a.
for s in ["a", "hello", "toolongvalue"]:
    print(f"[{s:>10}] [{s:<10}] [{s:^10}] [{s:*^9}] [{s:.3}] [{s:>8.2}]")
for n in [7, -7, 1234]:
    print(f"[{n:>6}] [{n:<6}] [{n:^6}] [{n:=+7}] [{n:0>6}] [{n:x<6}] [{n:06}]")
name = "Zoë"
print(f"{name!r} {name!s} {name!a} {name!r:>10}|")
print("{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{:>5}|{:<5}|".format("r", "l"))
print("{0[1]} {1[key]} {2.real}".format([9, 8], {"key": "v"}, 5))
print("{!r:^12}|{:{fill}{align}{width}}|".format("q", "w", fill="-", align=">", width=6))
print(f"{'':-^20}")
print(f"{3.5:^10.2f}|{-2:^5}|{'%':%>3}")
print("{{literal}} {}".format("braces"))
rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25)]
for item, qty, price in rows:
    print(f"{item:<8}{qty:>4}{price:>8.2f}")
class C:
    def __format__(self, spec):
        return "C formatted with " + repr(spec)
print(f"{C():abc}", format(C()), "{:xyz}".format(C()))
