# A list display still open at the end of the file.
print("start")
items = [
    1,
    2,
