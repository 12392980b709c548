import json


def lambda_handler(event, context):
    params = event.get("queryStringParameters") or {}
    name = params.get("name") or "World"
    body = {"message": f"Hello, {name}!", "payload": event.get("version", "1.0")}
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body),
    }
