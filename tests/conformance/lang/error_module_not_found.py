# Importing an unknown module: ModuleNotFoundError.
import math
print("math imported", math.floor(1.5))
import no_such_module_for_looplab
print("never")
