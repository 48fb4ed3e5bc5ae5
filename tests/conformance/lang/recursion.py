# Recursive functions: factorial, fibonacci with memo, mutual recursion, deep-ish recursion.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]

def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)

def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(fact(20), fact(15), fact(1))
print(fib(90))
print(is_even(100), is_odd(77))
print(len(hanoi(10, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))
print(depth(900))
def permutations(items):
    if len(items) <= 1:
        return [items]
    return [[x] + p for i, x in enumerate(items) for p in permutations(items[:i] + items[i + 1:])]
print(permutations([1, 2, 3]))
