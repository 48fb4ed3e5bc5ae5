# conformance: seed=7
# `--seed 7` starts random as random.seed(7) would; a later random.seed still resets it.
import random
print(random.random(), random.randint(1, 100), random.choice("ABCDE"))
print(random.sample(range(50), 4), random.uniform(-1, 1), random.getrandbits(40))
deck = list(range(8))
random.shuffle(deck)
print(deck, random.gauss(0, 1))
rng = random.Random(7)
print(rng.random(), random.random())
random.seed(7)
print(random.random())
