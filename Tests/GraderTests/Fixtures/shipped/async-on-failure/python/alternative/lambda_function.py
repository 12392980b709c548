class InvalidOrder(Exception):
    pass


def require_quantity(value):
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise InvalidOrder(f"bad quantity {value!r}: need a whole number >= 1")
    return value


def lambda_handler(event, context):
    order_id = event.get("orderId") or None
    if type(order_id) is not str:
        raise InvalidOrder("the order has no orderId")
    quantity = require_quantity(event.get("quantity"))
    print("ACCEPTED %s x%d" % (order_id, quantity))
    return dict(status="accepted", orderId=order_id, quantity=quantity)
