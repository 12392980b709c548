import json


def lambda_handler(event, context):
    name = (event.get("queryStringParameters") or {}).get("name")
    if name == "":
        raise ValueError("the name is empty")
    print(f"greeting {name}")
    body = {"tags": ["greeting"]}
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body),
    }
