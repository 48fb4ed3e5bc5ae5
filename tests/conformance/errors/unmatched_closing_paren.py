# A closing parenthesis with no opener.
x = (1 + 2))
print(x)
