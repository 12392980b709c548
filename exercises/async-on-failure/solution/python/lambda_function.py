def lambda_handler(event, context):
    order_id = event.get("orderId")
    if not isinstance(order_id, str) or not order_id:
        raise ValueError("orderId is missing or empty")
    quantity = event.get("quantity")
    # A bool is an int in Python, so rule it out by the exact type.
    if type(quantity) is not int or quantity < 1:
        raise ValueError(f"quantity must be a whole number of at least 1, got {quantity!r}")
    print(f"ACCEPTED {order_id} x{quantity}")
    return {"status": "accepted", "orderId": order_id, "quantity": quantity}
