# async with used inside a plain function.
class CM:
    pass
def use():
    async with CM():
        pass
