# import forms: import, import as, from-import, from-import as, module attributes.
import math
import math as m
from math import sqrt, pi as PI
from math import *  # noqa: F401,F403
import random, time
print(math.sqrt(16), m.floor(2.7), sqrt(2), PI, floor(-0.5), ceil(0.1))
print(math is m, sqrt is math.sqrt, type(math).__name__, math.__name__)
print(random.__name__, time.__name__, hasattr(math, "tau"))
def local_import():
    import math as inner_math
    from random import randint
    return inner_math.factorial(5), randint.__name__
print(local_import())
import sys
print("math" in sys.modules, type(sys.modules).__name__)
try:
    from time import not_a_function  # time is built in: CPython names no file
except ImportError as e:
    print("ImportError:", e)
try:
    import definitely_not_a_module_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
print(__name__)
