# Plausible mistake: detail is parsed as if it were a string (as SNS messages are).
import json

ACTIONS = {"Order Placed": "reserve-stock", "Order Cancelled": "release-stock",
           "Order Shipped": "notify-customer"}


def lambda_handler(event, context):
    detail = json.loads(event["detail"])
    action = ACTIONS.get(event["detail-type"]) if event["source"] == "com.example.orders" else None
    if action is None:
        print(f"ignored {event['detail-type']} from {event['source']}")
        return {"action": "ignore", "detailType": event["detail-type"]}
    result = {"action": action, "orderId": detail["orderId"]}
    if action == "notify-customer":
        result["customerId"] = detail["customerId"]
    return result
