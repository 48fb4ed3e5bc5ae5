# Uncaught ValueError from int("x").
inputs = ["10", "20", "x"]
total = 0
for text in inputs:
    total += int(text)
    print("running total", total)
