# if / elif / else chains, truthiness of values, conditional expressions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for value in [-5, 0, 3, 10, 99]:
    print(value, classify(value))

for thing in [0, 1, "", "a", [], [0], {}, None, 0.0, -0.0, (), set()]:
    if thing:
        print(repr(thing), "is truthy")
    else:
        print(repr(thing), "is falsy")

x = 5
print("odd" if x % 2 else "even")
print("big" if x > 100 else "mid" if x > 3 else "tiny")
if x > 1:
    if x > 4:
        print("nested both")
    else:
        print("nested outer only")
if not x:
    print("never")
elif x and x > 2 or False:
    print("and/or chain")
