import os


def lambda_handler(event, context):
    order_id = event["orderId"]
    # TODO: log one JSON object per line with level, message, requestId and orderId;
    # a DEBUG line only when LOG_LEVEL is DEBUG.
    if (event.get("amount") or 0) > 0:
        print(f"order {order_id} accepted")
        return {"orderId": order_id, "accepted": True}
    print(f"order {order_id} rejected")
    return {"orderId": order_id, "accepted": False, "reason": "amount must be positive"}
