import json


def parse_order(body):
    """The order in a message body; raises ValueError when it is not a valid order."""
    order = json.loads(body)
    if not isinstance(order, dict) or not isinstance(order.get("orderId"), str):
        raise ValueError("orderId is missing")
    amount = order.get("amount")
    if not isinstance(amount, (int, float)) or isinstance(amount, bool) or amount <= 0:
        raise ValueError(f"amount must be a number above 0, got {amount!r}")
    return order


def lambda_handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            order = parse_order(record["body"])
            print(f"processed {order['orderId']}")
        except ValueError as error:
            print(f"failed {record['messageId']}: {error}")
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
