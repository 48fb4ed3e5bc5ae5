# Function parameters: defaults, *args, **kwargs, call-site unpacking.
def f(a, b=2, *args, c=3, **kwargs):
    return (a, b, args, c, kwargs)

print(f(1))
print(f(1, 20))
print(f(1, 20, 30, 40))
print(f(1, c=5, d=6))
print(f(*[7, 8, 9], **{"c": 0, "z": 1}))
print(f(a=1, b=2))

def mutable_default(item, bucket=[]):
    bucket.append(item)
    return bucket
print(mutable_default(1), mutable_default(2))

def safe_default(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(safe_default(1), safe_default(2))

def total(*numbers):
    return sum(numbers), type(numbers).__name__
print(total(), total(1, 2, 3))

def options(**opts):
    return sorted(opts.items())
print(options(z=1, a=2))
print(f.__name__, f.__defaults__, f.__kwdefaults__)
def evaluated_once(x=print("default evaluated at def time") or 5):
    return x
print(evaluated_once(), evaluated_once())
def merge(*dicts, **extra):
    out = {}
    for d in dicts:
        out.update(d)
    out.update(extra)
    return out
print(merge({"a": 1}, {"b": 2}, c=3))
