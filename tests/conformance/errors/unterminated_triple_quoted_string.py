# A triple-quoted string that never ends.
print("before")
doc = """this string
goes on and on
