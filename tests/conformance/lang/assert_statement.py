# assert with and without a message; AssertionError args.
def check(n):
    assert n > 0, f"n must be positive, got {n}"
    return n * 2

print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
try:
    assert [], ("tuple", "message")
except AssertionError as e:
    print(e.args)
assert True, "never raised"
x = 0
def side():
    global x
    x += 1
    return True
assert side()
print("side effects ran", x)
assert isinstance(x, int)
print("done")
