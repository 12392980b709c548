# Written differently: a shared base class and a table of checks.
class OrderError(Exception):
    pass


class ValidationError(OrderError):
    pass


class OutOfStockError(OrderError):
    pass


UNAVAILABLE = frozenset(["LAMP-9"])


def valid_quantity(value):
    return type(value) is int and value > 0


def lambda_handler(event, context):
    if not event.get("orderId"):
        raise ValidationError("the order has no orderId")
    if not valid_quantity(event.get("quantity")):
        raise ValidationError("the quantity is not a positive whole number")
    if event.get("sku") in UNAVAILABLE:
        raise OutOfStockError("sorry, %s is out of stock" % event["sku"])
    return dict(status="accepted", orderId=event["orderId"], quantity=event["quantity"])
