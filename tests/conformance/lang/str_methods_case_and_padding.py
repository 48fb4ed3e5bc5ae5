# str case conversion and padding: upper lower title capitalize swapcase casefold center ljust rjust zfill.
words = ["hello world", "HELLO", "it's a dog's life", "mIxEd CaSe", "café déjà vu", "123abc", ""]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold(), sep=" | ")
print("[" + "mid".center(9) + "]", "[" + "mid".center(8, "*") + "]", "[" + "toolong".center(3) + "]")
print("[" + "l".ljust(5) + "]", "[" + "r".rjust(5, ".") + "]", "[" + "x".ljust(0) + "]")
print("42".zfill(5), "-42".zfill(5), "+3.5".zfill(7), "abc".zfill(6), "".zfill(3))
print("Hello".isupper(), "HELLO".isupper(), "hello".islower(), "Title Case".istitle(), "Not title".istitle())
print("o'neil mc-donald".title(), "ÉCOLE".lower(), "ümlaut".upper(), "a1b2 c3".title())
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
