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
    # TODO: make this idempotent: claim the paymentId first and charge only when
    # the claim succeeds; return the status ("charged" or "duplicate").
    charge(detail["paymentId"], detail["amount"], detail["currency"])
    return {"status": "charged"}
