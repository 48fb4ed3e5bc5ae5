# Uncaught KeyError on a missing dict key.
ages = {"ann": 31, "bob": 27}
for name in ["ann", "bob", "cyd"]:
    print(name, ages[name])
