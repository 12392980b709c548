OUT_OF_STOCK = {"LAMP-9"}


class ValidationError(Exception):
    """The order itself is wrong: retrying it cannot help."""


class OutOfStockError(Exception):
    """The order is fine but cannot be served now."""


def lambda_handler(event, context):
    order_id = event.get("orderId")
    if not order_id:
        raise ValidationError("orderId is required")
    quantity = event.get("quantity")
    # bool is a subclass of int in Python, so rule it out explicitly.
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
        raise ValidationError(f"quantity must be a whole number of at least 1, got {quantity!r}")
    sku = event.get("sku")
    if sku in OUT_OF_STOCK:
        raise OutOfStockError(f"{sku} is out of stock")
    return {"status": "accepted", "orderId": order_id, "quantity": quantity}
