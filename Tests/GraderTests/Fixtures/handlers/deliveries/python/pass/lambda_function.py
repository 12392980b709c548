import os
import tempfile

charged = set()


def sqs_handler(event, context):
    bad = [r["messageId"] for r in event["Records"] if r["body"] in ("3", "7")]
    return {"batchItemFailures": [{"itemIdentifier": i} for i in bad]}


def flaky_handler(event, context):
    path = os.path.join(tempfile.gettempdir(), "attempts-" + event["id"])
    attempts = int(open(path).read()) + 1 if os.path.exists(path) else 1
    with open(path, "w") as file:
        file.write(str(attempts))
    if event.get("broken"):
        raise ValueError("broken event " + event["id"])
    if attempts < 3:
        raise RuntimeError("downstream not ready, attempt %d" % attempts)
    print("sending " + event["id"])
    return {"sent": event["id"]}


def charge_handler(event, context):
    if event["id"] not in charged:
        charged.add(event["id"])
        print("charging " + event["id"])
    return {"charged": event["id"]}


def stream_handler(event, context):
    for record in event["Records"]:
        if record["dynamodb"]["NewImage"]["Message"]["S"] == "m3":
            raise ValueError("poison record")
