# A StopIteration escaping a generator body becomes RuntimeError (PEP 479).
def first_items(iterables):
    for it in iterables:
        yield next(iter(it))
for item in first_items([[1], [2], []]):
    print("item", item)
