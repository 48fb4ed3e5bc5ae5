# Uncaught user exception with a chained cause: traceback shows both, last line the outer one.
class ConfigError(Exception):
    pass
def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad setting {text!r}") from e
print(load("5"))
print(load("five"))
