import os
import time

COUNT = 0


def handler(event, context):
    global COUNT
    COUNT += 1
    if isinstance(event, dict) and event.get("sleep_ms"):
        time.sleep(event["sleep_ms"] / 1000)
    return {"count": COUNT, "pid": os.getpid(),
            "init_type": os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE")}
