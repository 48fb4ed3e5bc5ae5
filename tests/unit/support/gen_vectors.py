#!/usr/bin/env python3
"""Regenerates tests/unit/support/vectors/*.txt by running CPython 3.11.

Every expected value in those files is computed here by CPython itself; the
Catch2 tests in this directory replay the inputs through engine/lang/support
and compare. Each file holds one JSON object per line. Floats travel as
float.hex() strings so that they are exact.

Usage: python3 tests/unit/support/gen_vectors.py   (re-runs itself with
PYTHONHASHSEED=0, the setting of the reference runner, for the hash vectors).
"""

import json
import math
import os
import random
import string
import sys
from pathlib import Path

if os.environ.get("PYTHONHASHSEED") != "0":
    env = dict(os.environ, PYTHONHASHSEED="0")
    os.execve(sys.executable, [sys.executable, *sys.argv], env)

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

OUT = Path(__file__).resolve().parent / "vectors"
gen = random.Random(20261123)  # drives the choice of inputs only


def write(name, rows):
    with open(OUT / name, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{name}: {len(rows)} vectors")


def outcome(fn):
    try:
        return {"out": fn()}
    except Exception as e:  # the exception is the expected value
        return {"err": [type(e).__name__, str(e)]}


# ---------------------------------------------------------------- doubles
def random_double():
    kind = gen.randrange(8)
    if kind == 0:  # any finite bit pattern
        while True:
            bits = gen.getrandbits(64)
            x = __import__("struct").unpack("<d", bits.to_bytes(8, "little"))[0]
            if math.isfinite(x):
                return x
    if kind == 1:  # short decimals, the common case in programs
        return round(gen.uniform(-1000, 1000), gen.randrange(0, 6))
    if kind == 2:  # ties for rounding: k + 0.5 at some scale
        return (gen.randrange(-10**6, 10**6) + 0.5) / 10 ** gen.randrange(0, 5)
    if kind == 3:  # around the repr exponent thresholds 1e16 and 1e-4
        base = gen.choice([1e16, 1e15, 1e-4, 1e-5, 1e17, 1e22, 1e-7])
        x = base * gen.uniform(0.5, 2)
        return gen.choice([x, -x, base, math.nextafter(base, 0), math.nextafter(base, math.inf)])
    if kind == 4:  # integers stored as floats
        return float(gen.randrange(-2**60, 2**60) >> gen.randrange(0, 60))
    if kind == 5:  # wide magnitudes
        return gen.uniform(-1, 1) * 10.0 ** gen.randrange(-320, 309)
    if kind == 6:  # subnormals and extremes
        return gen.choice([5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                           gen.uniform(0, 1) * 2.2250738585072014e-308, 0.0, -0.0])
    return gen.choice([0.1, 0.2, 0.3, 1 / 3, 2 / 3, 0.5, 1.5, 2.5, 2.675, 1.005, 1e23, 9.995, 123.456,
                       math.pi, math.e, 1e300 * 10, -1e300 * 10, 1e300 * 10 * 0])


def gen_float_repr():
    rows = []
    for _ in range(6000):
        x = random_double()
        rows.append({"x": x.hex(), "repr": repr(x), "str": str(x)})
    return rows


def gen_float_round():
    rows = []
    for _ in range(5000):
        x = random_double()
        if gen.random() < 0.2:
            row = {"x": x.hex(), "n": None}
            row.update(outcome(lambda: str(round(x))))
        else:
            n = gen.choice([gen.randrange(-5, 10), gen.randrange(-320, 330), 323, 324, -308, -309, 0])
            row = {"x": x.hex(), "n": n}
            row.update(outcome(lambda: round(x, n).hex()))
        rows.append(row)
    return rows


# ---------------------------------------------------------------- format specs
FILLS = [" ", "*", "0", "x", "é", "€", "😀", "<", "="]


def random_spec(types):
    if gen.random() < 0.05:  # junk
        return "".join(gen.choice("<>=^+- z#0123456789,_.sdfegx%") for _ in range(gen.randrange(1, 7)))
    parts = []
    if gen.random() < 0.3:
        parts.append(gen.choice(["", gen.choice(FILLS)]) + gen.choice("<>=^"))
    if gen.random() < 0.3:
        parts.append(gen.choice("+- "))
    if gen.random() < 0.1:
        parts.append("z")
    if gen.random() < 0.2:
        parts.append("#")
    if gen.random() < 0.2:
        parts.append("0")
    if gen.random() < 0.5:
        parts.append(str(gen.randrange(0, 30)))
    if gen.random() < 0.25:
        parts.append(gen.choice([",", "_", ",", "_", ",_"]))
    if gen.random() < 0.5:
        parts.append("." + str(gen.choice([0, 1, 2, 3, 5, 10, 17, 20, gen.randrange(0, 40)])))
    if gen.random() < 0.85:
        parts.append(gen.choice(types))
    return "".join(parts)


FLOAT_TYPES = list("eEfFgGn%") + ["", "", "", "d", "s", "x", "é"]
INT_TYPES = list("bcdoxXneEfFgG%") + ["", "", "s", "z", "é"]
STR_TYPES = ["s", "s", "", "", "d", "r"]


def gen_format_float():
    rows = []
    for _ in range(7000):
        x = random_double()
        spec = random_spec(FLOAT_TYPES)
        rows.append({"x": x.hex(), "spec": spec, **outcome(lambda: format(x, spec))})
    return rows


def random_int():
    return gen.choice([gen.randrange(-1000, 1000), gen.randrange(-2**63, 2**63), 0, -1, 2**63 - 1, -2**63,
                       gen.randrange(0, 0x110000), gen.randrange(-10**6, 10**6)])


def gen_format_int():
    rows = []
    for _ in range(4000):
        v = random_int()
        spec = random_spec(INT_TYPES)
        rows.append({"v": v, "spec": spec, **outcome(lambda: format(v, spec))})
    return rows


def random_text():
    alphabet = string.ascii_letters + "  é€😀ñ中\t"
    return "".join(gen.choice(alphabet) for _ in range(gen.randrange(0, 12)))


def gen_format_str():
    rows = []
    for _ in range(2000):
        s = random_text()
        spec = random_spec(STR_TYPES)
        rows.append({"s": s, "spec": spec, **outcome(lambda: format(s, spec))})
    return rows


# ---------------------------------------------------------------- % formatting
def describe(value):
    if isinstance(value, bool) or isinstance(value, int):
        kind = "int"
    elif isinstance(value, float):
        kind = "float"
    elif isinstance(value, str):
        kind = "str"
    else:
        kind = "other"
    d = {"kind": kind, "type": type(value).__name__, "str": str(value), "repr": repr(value),
         "ascii": ascii(value)}
    if kind == "int":
        d["int"] = int(value)
    if kind == "float":
        d["float"] = value.hex()
    if kind == "str":
        d["text"] = value
    return d


def random_arg():
    return gen.choice([random_int(), gen.randrange(-100, 100), random_double(), random_text(),
                       gen.choice(["a", "é", "😀"]), True, None, [1, 2], (3,), gen.randrange(0, 50)])


def random_percent_spec(with_key):
    parts = ["%"]
    if with_key:
        parts.append("(" + gen.choice(["a", "b", "x(y)", "a"]) + ")")
    parts.append("".join(gen.choice("-+ #0") for _ in range(gen.choice([0, 0, 1, 2]))))
    if gen.random() < 0.4:
        parts.append(gen.choice(["*", str(gen.randrange(0, 20))]))
    if gen.random() < 0.4:
        parts.append("." + gen.choice(["*", str(gen.randrange(0, 12)), ""]))
    if gen.random() < 0.05:
        parts.append("l")
    parts.append(gen.choice("sssrracdiuoxXeEfFgGdddf%y"))
    return "".join(parts)


def gen_percent():
    rows = []
    for _ in range(3000):
        shape = gen.choice(["tuple", "tuple", "tuple", "single", "mapping"])
        specs = [random_percent_spec(shape == "mapping" and gen.random() < 0.8)
                 for _ in range(gen.randrange(0, 4))]
        fmt = gen.choice(["", "x=", "é "]) + " | ".join(specs) + gen.choice(["", "!", "%", "%%"])
        if shape == "tuple":
            items = [random_arg() for _ in range(gen.randrange(0, 6))]
            args = tuple(items)
            desc = [describe(v) for v in items]
        elif shape == "single":
            args = random_arg()
            while isinstance(args, (tuple, list)):
                args = random_arg()
            desc = describe(args)
        else:
            args = {k: random_arg() for k in ["a", "b", "x(y)"] if gen.random() < 0.8}
            desc = {k: describe(v) for k, v in args.items()}
        operand = describe(args) if shape == "mapping" else None
        rows.append({"fmt": fmt, "shape": shape, "args": desc, "operand": operand, **outcome(lambda: fmt % args)})
    return rows


# ---------------------------------------------------------------- hashes and sets
def gen_hash():
    rows = []
    for _ in range(3000):
        s = random_text() * gen.choice([1, 1, 1, 3])
        if gen.random() < 0.1:
            s = "".join(chr(gen.randrange(0x80, 0x100)) for _ in range(gen.randrange(1, 20)))
        if gen.random() < 0.1:
            s = "".join(chr(gen.randrange(0x10000, 0x10FFFF)) for _ in range(gen.randrange(1, 5)))
        rows.append({"kind": "str", "s": s, "h": hash(s)})
    for _ in range(2000):
        v = gen.choice([random_int(), gen.randrange(-2**200, 2**200), 2**61 - 1, 2**61, -(2**61 - 1), -1, -2])
        rows.append({"kind": "int", "hex": hex(abs(v)), "neg": v < 0, "h": hash(v)})
    for _ in range(2000):
        x = random_double()
        if math.isnan(x):
            continue
        rows.append({"kind": "float", "x": x.hex(), "h": hash(x)})
    for _ in range(1000):
        items = tuple(gen.choice([random_int(), random_text(), random_double()]) for _ in range(gen.randrange(0, 5)))
        items = tuple(i for i in items if not (isinstance(i, float) and math.isnan(i)))
        rows.append({"kind": "tuple", "elems": [hash(i) for i in items], "h": hash(items)})
    return rows


def set_key():
    if gen.random() < 0.5:
        return {"i": gen.choice([gen.randrange(-50, 200), gen.randrange(-2**62, 2**62), gen.randrange(0, 5000)])}
    return {"s": random_text()[:4]}


def gen_set_order():
    rows = []
    for _ in range(150):
        s = set()
        ops = []
        pool = [set_key() for _ in range(gen.randrange(1, 120))]
        for _ in range(gen.randrange(1, 250)):
            key = gen.choice(pool)
            value = key.get("i", key.get("s"))
            if gen.random() < 0.7:
                s.add(value)
                ops.append(["add", key])
            else:
                s.discard(value)
                ops.append(["discard", key])
        order = [{"i": v} if isinstance(v, int) else {"s": v} for v in s]
        rows.append({"ops": ops, "order": order})
    return rows


# ---------------------------------------------------------------- random module
def random_seed():
    return gen.choice([0, 1, 42, 12345, -7, 2**32 - 1, 2**32, 2**64 + 5, gen.randrange(0, 2**200),
                       -gen.randrange(0, 2**100), gen.randrange(0, 2**31)])


def random_call(r):
    name = gen.choice(["random", "getrandbits", "getrandbits_big", "randrange1", "randrange2", "randrange3",
                       "randint", "uniform", "choice", "shuffle", "sample", "choices", "choices_w", "gauss",
                       "randbelow", "seed_float"])
    if name == "random":
        return [name, [], r.random().hex()]
    if name == "getrandbits":
        k = gen.randrange(0, 65)
        return [name, [k], str(r.getrandbits(k))]
    if name == "getrandbits_big":
        k = gen.randrange(65, 300)
        return [name, [k], hex(r.getrandbits(k))]
    if name == "randbelow":
        n = gen.choice([1, 2, 3, 7, 10, 2**32, 2**32 + 1, 2**63 - 1, 2**64 - 1, gen.randrange(1, 2**64)])
        return [name, [str(n)], str(r._randbelow(n))]
    if name == "randrange1":
        a = gen.choice([gen.randrange(-5, 100), 2**62, 0, -3])
        return [name, [a], outcome(lambda: r.randrange(a))]
    if name == "randrange2":
        a, b = gen.randrange(-100, 100), gen.randrange(-100, 100)
        if gen.random() < 0.1:
            a, b = -2**63, 2**63 - 1
        return [name, [a, b], outcome(lambda: r.randrange(a, b))]
    if name == "randrange3":
        a, b, c = gen.randrange(-100, 100), gen.randrange(-100, 100), gen.choice([-7, -2, -1, 0, 2, 3, 10, 1])
        return [name, [a, b, c], outcome(lambda: r.randrange(a, b, c))]
    if name == "randint":
        a, b = gen.randrange(-100, 100), gen.randrange(-100, 100)
        if gen.random() < 0.1:
            a, b = gen.choice([(-2**63, 2**63 - 1), (0, 2**63 - 1), (5, 5)])
        return [name, [a, b], outcome(lambda: r.randint(a, b))]
    if name == "uniform":
        a, b = random_double(), random_double()
        return [name, [a.hex(), b.hex()], r.uniform(a, b).hex()]
    if name == "choice":
        n = gen.randrange(0, 30)
        return [name, [n], outcome(lambda: r.choice(range(n)))]
    if name == "shuffle":
        x = list(range(gen.randrange(0, 30)))
        r.shuffle(x)
        return [name, [len(x)], x]
    if name == "sample":
        n = gen.choice([gen.randrange(0, 30), gen.randrange(0, 3000)])
        k = gen.choice([gen.randrange(0, 10), gen.randrange(0, 60), n, n + 1, -1])
        return [name, [n, k], outcome(lambda: r.sample(range(n), k))]
    if name == "choices":
        n, k = gen.randrange(1, 40), gen.randrange(0, 10)
        return [name, [n, k], r.choices(range(n), k=k)]
    if name == "choices_w":
        n, k = gen.randrange(1, 10), gen.randrange(0, 10)
        w = [gen.choice([0.0, 1.0, 2.5, gen.random(), 7.0]) for _ in range(n)]
        cum = gen.random() < 0.5
        res = outcome(lambda: r.choices(range(n), cum_weights=w, k=k) if cum else r.choices(range(n), w, k=k))
        return [name, [n, k, [x.hex() for x in w], cum], res]
    if name == "seed_float":
        x = gen.choice([0.5, 1.5, -2.25, 1e100, 3.0])
        r.seed(x)
        return [name, [x.hex(), hash(x)], None]
    mu, sigma = gen.choice([(0.0, 1.0), (10.0, 2.5), (-3.0, 0.1)])
    return ["gauss", [mu.hex(), sigma.hex()], r.gauss(mu, sigma).hex()]


def gen_random():
    rows = []
    for _ in range(150):
        seed = random_seed()
        r = random.Random(seed)
        calls = [random_call(r) for _ in range(gen.randrange(1, 60))]
        rows.append({"seed": hex(seed), "calls": calls})
    # The module-level generator the project seeds with 0, long sequences.
    for seed in (0, 2**100 + 7):
        r = random.Random(seed)
        rows.append({"seed": hex(seed), "calls": [["random", [], r.random().hex()] for _ in range(2000)]})
    return rows


# ---------------------------------------------------------------- math
def gen_math():
    rows = []
    for _ in range(800):
        xs = [random_double() if gen.random() < 0.5 else gen.choice([1e16, 1.0, -1e16, 1e-16, 0.1, 1e308])
              for _ in range(gen.randrange(0, 12))]
        if gen.random() < 0.05:
            xs.append(gen.choice([math.inf, -math.inf, math.nan]))
        rows.append({"fn": "fsum", "xs": [x.hex() for x in xs], **outcome(lambda: math.fsum(xs).hex())})
    for _ in range(500):
        a = random_double()
        b = gen.choice([a, math.nextafter(a, math.inf), a * (1 + 1e-9), a + 1e-12, random_double(), 0.0])
        rel, tol = gen.choice([(1e-9, 0.0), (1e-3, 0.0), (0.0, 1e-6), (-1.0, 0.0), (1e-9, 1e-300)])
        rows.append({"fn": "isclose", "a": a.hex(), "b": b.hex(), "rel": rel.hex(), "abs": tol.hex(),
                     **outcome(lambda: math.isclose(a, b, rel_tol=rel, abs_tol=tol))})
    for _ in range(1500):
        fn = gen.choice(["gcd", "lcm", "factorial", "comb", "perm", "perm1", "isqrt", "floor", "ceil", "log",
                         "log_base", "log2", "log10"])
        if fn in ("gcd", "lcm"):
            vs = [gen.choice([gen.randrange(-1000, 1000), gen.randrange(-2**40, 2**40), 0])
                  for _ in range(gen.randrange(0, 4))]
            rows.append({"fn": fn, "vs": vs, **outcome(lambda: str(getattr(math, fn)(*vs)))})
        elif fn == "factorial":
            n = gen.randrange(-2, 21)
            rows.append({"fn": fn, "n": n, **outcome(lambda: str(math.factorial(n)))})
        elif fn in ("comb", "perm"):
            n, k = gen.randrange(-2, 68), gen.randrange(-2, 70)
            rows.append({"fn": fn, "n": n, "k": k, **outcome(lambda: str(getattr(math, fn)(n, k)))})
        elif fn == "perm1":
            n = gen.randrange(-2, 21)
            rows.append({"fn": fn, "n": n, **outcome(lambda: str(math.perm(n)))})
        elif fn == "isqrt":
            n = gen.choice([gen.randrange(-5, 10**6), gen.randrange(0, 2**63), 2**63 - 1, 3037000499**2,
                            3037000499**2 - 1])
            rows.append({"fn": fn, "n": n, **outcome(lambda: str(math.isqrt(n)))})
        elif fn in ("floor", "ceil"):
            x = random_double()
            while abs(x) >= 2**63 and math.isfinite(x):
                x = random_double()
            rows.append({"fn": fn, "x": x.hex(), **outcome(lambda: str(getattr(math, fn)(x)))})
        elif fn == "log_base":
            x, b = random_double(), gen.choice([2.0, 10.0, 1.0, 0.5, -2.0, random_double()])
            rows.append({"fn": fn, "x": x.hex(), "b": b.hex(), **outcome(lambda: math.log(x, b).hex())})
        else:
            x = random_double()
            rows.append({"fn": fn, "x": x.hex(), **outcome(lambda: getattr(math, fn)(x).hex())})
    return rows


def main():
    OUT.mkdir(exist_ok=True)
    write("float_repr.txt", gen_float_repr())
    write("float_round.txt", gen_float_round())
    write("format_float.txt", gen_format_float())
    write("format_int.txt", gen_format_int())
    write("format_str.txt", gen_format_str())
    write("percent.txt", gen_percent())
    write("hash.txt", gen_hash())
    write("set_order.txt", gen_set_order())
    write("random.txt", gen_random())
    write("math.txt", gen_math())


if __name__ == "__main__":
    main()
