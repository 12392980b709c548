import json


def lambda_handler(event, context):
    name = (event.get("queryStringParameters") or {}).get("name")
    if name == "":
        raise ValueError("the name is empty")
    print(f"greeting {name}")
    body = {"message": f"Hello, {name}!", "tags": ["greeting"]}
    return {
        "statusCode": 500,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body),
    }
