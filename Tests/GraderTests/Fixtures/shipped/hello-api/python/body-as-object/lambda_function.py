# Returns the body as a dictionary: the local runtime would serialise it, API Gateway would not.


def lambda_handler(event, context):
    params = event.get("queryStringParameters") or {}
    name = params.get("name", "World")
    return {
        "statusCode": 200,
        "headers": {
            "Content-Type": "application/json",
            "Access-Control-Allow-Origin": "*",
        },
        "body": {
            "message": f"Hello, {name}!",
            "function": context.function_name,
            "requestId": context.aws_request_id,
        },
    }
