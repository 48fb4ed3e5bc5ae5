# Indentation mixing a tab and spaces inconsistently.
def f():
        x = 1
	return x
