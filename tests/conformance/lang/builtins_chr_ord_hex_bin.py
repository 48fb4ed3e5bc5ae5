# chr ord hex bin oct and int() parsing back.
for n in [0, 7, 10, 255, 256, -1, -255, 2 ** 40]:
    print(n, hex(n), bin(n), oct(n), int(hex(n), 16), int(bin(n), 2), int(oct(n), 8))
for c in "Aaz0 ~é€":
    print(repr(c), ord(c), hex(ord(c)), chr(ord(c)) == c)
print(chr(65), chr(97), chr(0x263A), chr(8364), [chr(i) for i in range(48, 58)])
print("".join(chr(ord(c) + 1) for c in "HAL"), ord("\n"), ord("\t"), repr(chr(0)), repr(chr(127)))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
print(format(255, "x"), f"{255:#06x}", int("00ff", 16), int("0x100", 0))
