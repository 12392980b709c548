# Plausible mistake: the EventBridge event id is used as the idempotency key, so a payment
# the producer sent twice (new id, same paymentId) is charged twice.
# Stands in for a DynamoDB table written with a conditional put. Do not change.
_claimed = set()


def claim(key):
    """Records key; True the first time, False when it was already recorded."""
    if key in _claimed:
        return False
    _claimed.add(key)
    return True


def charge(payment_id, amount, currency):
    """The side effect that must happen once per payment. Do not change."""
    print(f"CHARGED {payment_id} {amount:.2f} {currency}")


def lambda_handler(event, context):
    detail = event["detail"]
    if not claim(event["id"]):
        return {"status": "duplicate", "paymentId": detail["paymentId"]}
    charge(detail["paymentId"], detail["amount"], detail["currency"])
    return {"status": "charged", "paymentId": detail["paymentId"]}
