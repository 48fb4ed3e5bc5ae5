# A string literal missing its closing quote.
name = "Ada
print(name)
