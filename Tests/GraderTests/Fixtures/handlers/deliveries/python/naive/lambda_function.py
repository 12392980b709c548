import os
import tempfile


def sqs_handler(event, context):
    for record in event["Records"]:
        if record["body"] in ("3", "7"):
            raise ValueError("bad message " + record["body"])
    return {"batchItemFailures": []}


def flaky_handler(event, context):
    print("sending " + event["id"])
    path = os.path.join(tempfile.gettempdir(), "attempts-" + event["id"])
    attempts = int(open(path).read()) + 1 if os.path.exists(path) else 1
    with open(path, "w") as file:
        file.write(str(attempts))
    if event.get("broken") or attempts < 3:
        raise RuntimeError("downstream not ready, attempt %d" % attempts)
    return {"sent": event["id"]}


def charge_handler(event, context):
    print("charging " + event["id"])
    return {"charged": event["id"]}


def stream_handler(event, context):
    for record in event["Records"]:
        if record["dynamodb"]["NewImage"]["Message"]["S"] == "m3":
            raise ValueError("poison record")
