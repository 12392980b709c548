# Plausible wrong solution: keeps the first invocation's request id for every later line.
import json
import os

REQUEST_ID = None


def lambda_handler(event, context):
    global REQUEST_ID
    REQUEST_ID = REQUEST_ID or context.aws_request_id
    order_id = event["orderId"]
    if os.environ.get("LOG_LEVEL") == "DEBUG":
        print(json.dumps({"level": "DEBUG", "message": "validating order", "requestId": REQUEST_ID, "orderId": order_id}))
    if (event.get("amount") or 0) > 0:
        print(json.dumps({"level": "INFO", "message": "order accepted", "requestId": REQUEST_ID, "orderId": order_id}))
        return {"orderId": order_id, "accepted": True}
    reason = "amount must be positive"
    print(json.dumps({"level": "ERROR", "message": "order rejected", "requestId": REQUEST_ID, "orderId": order_id, "reason": reason}))
    return {"orderId": order_id, "accepted": False, "reason": reason}
