# String literals: escapes, raw strings, triple quotes, implicit concatenation, repr choices.
print("line1\nline2", "tab\tx", "back\\slash", "quote\"", 'apos\'')
print(r"raw\n\t", len(r"\n"), R"C:\path", "\x41\u00e9\U0001F600"[:2], "\101\060")
s = """triple
  quoted"""
print(s, repr(s))
print("implicit " "concat " 'mixed')
for t in ["plain", "it's", 'say "hi"', "both ' and \"", "\n", "\\", "\x07\x1b", "é", "\u2028", ""]:
    print(repr(t))
print(repr("a\tb"), str("a\tb"), ascii("café"), ascii("\u2028"))
print("%r" % "x'y", f"{'x'!r}", repr(repr("q")))
print(len("\u2022"), "\u2022", ord("\0"), "a\
b")
