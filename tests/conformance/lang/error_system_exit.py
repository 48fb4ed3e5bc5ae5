# sys.exit with a status: no traceback, the exit status is the program's.
import sys
print("before exit")
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", e.code)
sys.exit(5)
