# str.format: positional, keyword, indexed, attribute access, nested fields, errors.
print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age:>4}".format(name="Ann", age=7))
print("{0[0]}-{0[2]} {d[k]}".format("xyz", d={"k": "v"}))
class P:
    x = 3
    y = 4
print("({0.x}, {0.y})".format(P()))
print("{:{w}.{p}f}|".format(3.14159, w=10, p=2))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{:,} {:.1%} {:e} {:#b}".format(1234567, 0.256, 12345.0, 5))
print("{{}} {{{}}}".format("inside"))
for bad in ["{} {}", "{0} {2}", "{missing}", "{"]:
    try:
        print(bad.format("only"))
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
print("{:^7}|{:<3}|{:>3}".format("mid", "l", "r"), "{:*>6.2f}".format(2.5))
print(str.format("{}-{}", "static", "call"), "x".join("{}".format(i) for i in range(3)))
