# A learner who validates both fields but still catches the error, as the starter did.
def lambda_handler(event, context):
    try:
        order_id = event.get("orderId")
        if not isinstance(order_id, str) or not order_id:
            raise ValueError("orderId is missing or empty")
        quantity = event.get("quantity")
        if type(quantity) is not int or quantity < 1:
            raise ValueError("quantity must be a whole number of at least 1")
    except ValueError as error:
        print(f"rejected: {error}")
        return {"ok": False, "error": str(error)}
    print(f"ACCEPTED {order_id} x{quantity}")
    return {"status": "accepted", "orderId": order_id, "quantity": quantity}
