# try / except / else / finally flow in every combination.
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise KeyError("k")
        if action == "other":
            raise OSError("disk")
        if action == "return":
            return log + ["returned"]
    except KeyError as e:
        log.append("except KeyError " + str(e))
    except (OSError, ValueError) as e:
        log.append("except tuple " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

for action in ["ok", "raise", "other", "return"]:
    print(action, run(action))

def unhandled():
    try:
        raise IndexError("deep")
    finally:
        print("finally runs before propagation")
try:
    unhandled()
except IndexError as e:
    print("caught outside:", e)

try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("while handling")
except TypeError as e:
    print(e, "| context:", e.__context__)

e = "still here"
try:
    raise ValueError
except ValueError as e:
    pass
print("e" in dir())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
