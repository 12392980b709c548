import subprocess
import sys


def handler(event, context):
    # The memory is used by a child process, not by the runtime process itself.
    subprocess.run([sys.executable, "-S", "-c",
                    "import time; x = b'x' * (300 << 20); time.sleep(10)"])
    return "survived"
