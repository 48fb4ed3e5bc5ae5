# A stray character that is not valid Python.
x = 5 $ 3
