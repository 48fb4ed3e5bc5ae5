# A block header followed by nothing indented.
for i in range(3):
print(i)
