# A starred target that is not inside a list or tuple.
*a = [1, 2]
