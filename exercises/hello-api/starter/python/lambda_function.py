import json


def lambda_handler(event, context):
    # TODO: read the "name" query string parameter (default "World"),
    # and return an API Gateway proxy response with a JSON body.
    return {
        "statusCode": 500,
        "body": json.dumps({"message": "not written yet"}),
    }
