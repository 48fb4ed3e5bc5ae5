# Loops with integer and float arithmetic: a linear congruential generator, integer
# division/modulo, bit operations and a float series, all in while and for loops.


def integer_mix(n):
    x = 12345
    acc = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        acc += (x >> 7) ^ (i & 255)
        acc -= x // 9973
        if x % 3 == 0:
            acc += i * 2
        else:
            acc -= i // 2
        acc %= 1000000007
    return acc


def float_series(n):
    total = 0.0
    sign = 1.0
    k = 0
    while k < n:
        total += sign / (2 * k + 1)
        sign = -sign
        k += 1
    return total * 4.0


def collatz_steps(limit):
    longest = 0
    best = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            steps += 1
        if steps > longest:
            longest = steps
            best = start
    return best, longest


print("mix", integer_mix(500000))
print("pi", f"{float_series(700000):.9f}")
print("collatz", collatz_steps(50000))
