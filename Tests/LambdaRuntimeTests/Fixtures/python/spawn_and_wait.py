import subprocess
import time


def handler(event, context):
    subprocess.Popen(["sleep", event["seconds"]])
    print("child started", flush=True)
    time.sleep(60)
    return "never"
