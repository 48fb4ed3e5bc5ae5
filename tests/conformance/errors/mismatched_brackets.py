# A bracket closed by the wrong kind of delimiter.
data = [1, 2, 3)
print(data)
