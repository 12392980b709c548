import json


def lambda_handler(event, context):
    mode = event.get("mode")
    if mode == "arn":
        return {"arn": context.invoked_function_arn.rsplit(":", 1)[0]}
    if mode == "env":
        return {"stage": "prod", "memory": context.memory_limit_in_mb}
    if mode == "log":
        print("plain text line")
        print(json.dumps({"level": "DEBUG", "message": "hi", "requestId": "old", "n": 3}))
        return {"ok": True}
    if mode == "scratch":
        return {"ok": True}
    if mode == "fail":
        return {"ok": True}
    return {"items": [1, 2], "name": 5}
