# lambdalings: loads the Python runtime module (bytecode cached beside it) and runs it.
import lambdalings_runtime
lambdalings_runtime.main()
