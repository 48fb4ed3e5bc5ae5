# Uncaught NameError: traceback on stderr, last line compared.
def greet():
    print("about to fail")
    return undefined_name + 1
print("start")
greet()
print("never printed")
