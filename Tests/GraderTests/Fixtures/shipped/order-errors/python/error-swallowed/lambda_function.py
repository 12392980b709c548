# Plausible mistake: the errors are caught and returned as a normal result, so the invocation
# succeeds and no caller ever sees an errorType.
class ValidationError(Exception):
    pass


class OutOfStockError(Exception):
    pass


def check(event):
    if not event.get("orderId"):
        raise ValidationError("orderId is required")
    quantity = event.get("quantity")
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
        raise ValidationError("quantity must be a whole number of at least 1")
    if event.get("sku") == "LAMP-9":
        raise OutOfStockError("LAMP-9 is out of stock")


def lambda_handler(event, context):
    try:
        check(event)
    except Exception as error:
        return {"status": "rejected", "errorType": type(error).__name__, "error": str(error)}
    return {"status": "accepted", "orderId": event["orderId"], "quantity": event["quantity"]}
