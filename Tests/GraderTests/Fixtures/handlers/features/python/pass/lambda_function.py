import json
import os
import tempfile
import time


def lambda_handler(event, context):
    mode = event.get("mode")
    if mode == "arn":
        return {"arn": context.invoked_function_arn}
    if mode == "env":
        return {"stage": os.environ.get("STAGE"), "memory": int(context.memory_limit_in_mb)}
    if mode == "log":
        print(json.dumps({"level": "INFO", "message": "hi", "requestId": context.aws_request_id,
                          "n": 3}))
        return {"ok": True}
    if mode == "scratch":
        with open(os.path.join(tempfile.gettempdir(), "seen.txt"), "a") as file:
            file.write("x")
        return {"ok": True}
    if mode == "slow":
        time.sleep(0.3)
        return {"ok": True}
    if mode == "fail":
        raise KeyError("nope")
    return {"items": [1, 2, 3], "name": "abc"}
