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
    # The business key is the same in every delivery; the EventBridge id is not.
    payment_id = detail["paymentId"]
    if not claim(payment_id):
        print(f"duplicate {payment_id}, skipping")
        return {"status": "duplicate", "paymentId": payment_id}
    charge(payment_id, detail["amount"], detail["currency"])
    return {"status": "charged", "paymentId": payment_id}
