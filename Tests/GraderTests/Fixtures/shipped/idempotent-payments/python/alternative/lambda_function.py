# Written differently: the claim inside one expression, the result built once.
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
    payment = event["detail"]
    first_time = claim(payment["paymentId"])
    if first_time:
        charge(payment["paymentId"], payment["amount"], payment["currency"])
    return {"paymentId": payment["paymentId"], "status": "charged" if first_time else "duplicate"}
