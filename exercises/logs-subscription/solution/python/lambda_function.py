import base64
import gzip
import json


def lambda_handler(event, context):
    compressed = base64.b64decode(event["awslogs"]["data"])
    doc = json.loads(gzip.decompress(compressed))
    messages = []
    if doc["messageType"] == "DATA_MESSAGE":
        messages = [entry["message"] for entry in doc["logEvents"]]
    return {
        "messageType": doc["messageType"],
        "logGroup": doc["logGroup"],
        "logStream": doc["logStream"],
        "messages": messages,
        "errorCount": sum(1 for message in messages if "ERROR" in message),
    }
