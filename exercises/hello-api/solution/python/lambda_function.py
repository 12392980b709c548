import json


def lambda_handler(event, context):
    params = event.get("queryStringParameters") or {}
    name = params.get("name") or "World"
    body = {
        "message": f"Hello, {name}!",
        "function": context.function_name,
        "requestId": context.aws_request_id,
    }
    return {
        "statusCode": 200,
        "headers": {
            "Content-Type": "application/json",
            "Access-Control-Allow-Origin": "*",
        },
        "body": json.dumps(body),
    }
