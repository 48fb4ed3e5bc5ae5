# Dict work: insert, lookup, get, update, membership, deletion and iteration over
# items, with str keys and int keys.


def word_counts(n):
    counts = {}
    for i in range(n):
        key = "k" + str(i * 7919 % 5003)
        counts[key] = counts.get(key, 0) + 1
    total = 0
    for key, value in counts.items():
        total += value * len(key)
    return len(counts), total


def int_table(n):
    table = {}
    for i in range(n):
        table[i * 31 % 20011] = i
    hits = 0
    for j in range(n):
        if j in table:
            hits += table[j] % 13
    for j in range(0, 20011, 3):
        if j in table:
            del table[j]
    return len(table), hits


def merge_updates(rounds):
    base = {f"name{i}": i for i in range(200)}
    checksum = 0
    for r in range(rounds):
        patch = {f"name{(r * 17 + j) % 400}": r + j for j in range(20)}
        base.update(patch)
        for key in patch:
            checksum += base[key]
        checksum %= 1000000007
    keys = sorted(base)
    return len(base), checksum, keys[0], keys[-1]


print("counts", word_counts(800000))
print("ints", int_table(600000))
print("merge", merge_updates(30000))
