import json

ITEMS = {"1": {"id": "1", "name": "pen"}}


def lambda_handler(event, context):
    # TODO: route GET /items/{id} and POST /items; see the exercise statement.
    return {
        "statusCode": 501,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"message": "not implemented"}),
    }
