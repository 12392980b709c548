import json

ORDERS = {
    "order-1": {"id": "order-1", "item": "book", "quantity": 1, "status": "open"},
    "order-2": {"id": "order-2", "item": "lamp", "quantity": 2, "status": "shipped"},
    "order-3": {"id": "order-3", "item": "pen", "quantity": 10, "status": "open"},
}


def lambda_handler(event, context):
    # TODO: route on event["routeKey"]: "GET /orders", "GET /orders/{id}" and
    # "POST /orders", with 404 and 400 responses as the exercise describes.
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"orders": []}),
    }
