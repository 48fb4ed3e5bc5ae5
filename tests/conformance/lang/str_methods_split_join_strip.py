# str.split / rsplit / splitlines / partition / join / strip family / replace.
s = "  the quick  brown fox  "
print(s.split(), s.split(" "), s.strip().split(" ", 2), s.rsplit(None, 1))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "".split(), "".split(","))
print("l1\nl2\r\nl3\n".splitlines(), "l1\nl2\n".splitlines(True), "x".splitlines())
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="))
print("-".join(["a", "b", "c"]), "".join(reversed("abc")), ", ".join(map(str, range(3))))
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), "xxhixx".strip("x"), "abcba".strip("ab"))
print("hello world".replace("o", "0"), "aaa".replace("a", "b", 2), "abc".replace("", "-"))
print("prefix_body".removeprefix("prefix_"), "file.py".removesuffix(".py"), "x".removeprefix("y"))
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
print("tab\tseparated\tvalues".expandtabs(4), "a\tb".split("\t"))
print("one two three".split(maxsplit=1), "  lead".split(" "))
