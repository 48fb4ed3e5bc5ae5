# A name used before its global declaration in the same function.
counter = 0
def bump():
    print(counter)
    global counter
    counter += 1
