# A def header without its colon.
def greet(name)
    print("hi", name)
greet("x")
