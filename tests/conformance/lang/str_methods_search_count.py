# str searching and testing: find rfind index count startswith endswith in, is* predicates.
s = "the cat sat on the mat"
print(s.find("at"), s.find("at", 6), s.find("dog"), s.rfind("at"), s.rfind("the", 0, 10))
print(s.index("sat"), s.count("at"), s.count("t"), s.count(""), "aaaa".count("aa"))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("zz")
except ValueError as e:
    print("ValueError:", e)
print(s.startswith("the"), s.startswith(("a", "t")), s.endswith("mat"), s.endswith("at", 0, 7))
print("cat" in s, "dog" not in s, "" in s)
for t in ["123", "12.5", "abc", "abc123", "  ", "", "ABC", "é", "3.0", "hello world", "_id"]:
    print(repr(t), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(),
          t.isspace(), t.isidentifier(), t.isascii())
print("Hello {}, you are {}".format("Ann", 30), "{:.1f}".format(2.25))
print(ord(max("hello")), min("hello"), sorted("banana"), "b" * 3, "ab" < "b")
