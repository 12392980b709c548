import json
import os


def log(level, message, context, **fields):
    print(json.dumps({"level": level, "message": message,
                      "requestId": context.aws_request_id, **fields}))


def lambda_handler(event, context):
    order_id = event["orderId"]
    if os.environ.get("LOG_LEVEL") == "DEBUG":
        log("DEBUG", "validating order", context, orderId=order_id)
    if (event.get("amount") or 0) > 0:
        log("INFO", "order accepted", context, orderId=order_id)
        return {"orderId": order_id, "accepted": True}
    reason = "amount must be positive"
    log("ERROR", "order rejected", context, orderId=order_id, reason=reason)
    return {"orderId": order_id, "accepted": False, "reason": reason}
