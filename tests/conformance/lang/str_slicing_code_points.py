# String indexing and slicing on code points, including non-ASCII text.
s = "Python"
print(s[0], s[-1], s[1:4], s[:2], s[3:], s[::-1], s[::2], s[1::2], s[-3:-1], s[10:], s[:-10])
text = "naïve café — 日本語 ✓"
print(len(text), text[2], text[-1], text[6:10], text[::-1])
print([c for c in "é日✓"], [ord(c) for c in "é日✓"], chr(26085), chr(0x2713))
print(text.upper(), text.split(" "), text.find("日"), "本" in text)
print(len("😀"), "😀"[0] == "😀", ord("😀"), "a😀b"[1:], "a😀b"[::-1])
print(repr("tab\there"), repr("quote'in"), repr('both\'"'), repr("\x00\x7f\u200b"), repr("é\n"))
print("\u03b1", "\u00e9" == "é", "\x41", len("\\n"))
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "J"
except TypeError as e:
    print("TypeError:", e)
print("J" + s[1:], s * 2, s[1:-1:1], s[5:1:-1], s[-100:100])
print("ab" "cd", "x" in "xyz", "abc"[1:1] == "", str(3) + "3")
