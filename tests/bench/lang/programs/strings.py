# String building: f-strings with format specs, str.join, += concatenation and the
# common str methods (upper, replace, split, find, startswith, strip, count).


def build_lines(n):
    lines = []
    for i in range(n):
        lines.append(f"item-{i:05d}: value={i * 3 % 97:>3} ratio={i / 7:.2f}")
    return lines


def transform(lines):
    total = 0
    for line in lines:
        up = line.upper()
        swapped = up.replace("ITEM", "thing")
        parts = swapped.split(" ")
        total += len(parts[0]) + swapped.find("=") + parts[1].count("1")
        if swapped.startswith("thing-0001"):
            total += 1
        total += len("  ".join(parts).strip())
    return total


def concat(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
        if len(s) > 200:
            s = s[100:]
    return s


def words(n):
    acc = []
    for i in range(n):
        word = "w" + str(i) + "_" + "ab" * (i % 4)
        acc.append(word.capitalize())
    text = ",".join(acc)
    return len(text), text.count("ab"), text[:30]


lines = build_lines(150000)
print("lines", len(lines), lines[-1])
print("transform", transform(lines))
print("concat", concat(650000)[-20:])
print("words", words(260000))
