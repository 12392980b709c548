import time


def save(order):
    """Stands in for writing the order through one database connection."""
    time.sleep(0.4)
    print(f"saved {order['orderId']}")


def lambda_handler(event, context):
    save(event)
    return {"orderId": event["orderId"], "saved": True}
