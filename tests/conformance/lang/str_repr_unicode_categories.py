# repr(), ascii() and str.isprintable() across Unicode categories: which code points repr
# escapes (controls, format characters, separators, surrogates, private use, unassigned)
# and which it shows as themselves (letters, marks, symbols, emoji).
samples = {
    "C1 control": "\x85\x9f",
    "no-break space (Zs)": "a\xa0b",
    "soft hyphen (Cf)": "\xad",
    "latin letters": "\xe9\xff\u0101",
    "combining acute (Mn)": "e\u0301",
    "greek and cyrillic": "\u03b1\u0436",
    "unassigned (Cn)": "\u0378",
    "zero width space/joiner (Cf)": "\u200b\u200d",
    "line/paragraph separator": "\u2028\u2029",
    "ideographic space (Zs)": "\u3000",
    "cjk": "\u65e5\u672c",
    "lone surrogate (Cs)": "\ud800",
    "private use (Co)": "\ue000",
    "byte order mark (Cf)": "\ufeff",
    "replacement character": "\ufffd",
    "noncharacter": "\uffff",
    "emoji": "\U0001f600\U0001f44d",
    "tag character (Cf)": "\U000e0001",
    "supplementary private use": "\U000f0000",
    "last code point": "\U0010ffff",
}
for label, s in samples.items():
    print(label, ascii(repr(s)), ascii(s), s.isprintable(), [c.isprintable() for c in s])
mixed = "tab\t \u2028 'q' \"dq\" \\ \x7f \xa0 \u00e9"
print(ascii(repr(mixed)), ascii("%r" % mixed), ascii(f"{mixed!r}"))
print(ascii(repr([mixed, {"\u200b": "\x85"}, ("\U000e0001",)])))
print(len(repr("\ud800")), len(repr("\U0010ffff")), repr("\u0378") == "'\\u0378'")
print("".isprintable(), " ".isprintable(), "\n".isprintable(), "abc def".isprintable())
