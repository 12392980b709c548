# A learner who returns something shaped like Lambda's error object, believing that makes
# the invocation fail; Lambda sees a successful result.
def lambda_handler(event, context):
    order_id = event.get("orderId")
    if not isinstance(order_id, str) or not order_id:
        return {"errorType": "ValueError", "errorMessage": "orderId is missing or empty"}
    quantity = event.get("quantity")
    if type(quantity) is not int or quantity < 1:
        return {"errorType": "ValueError", "errorMessage": "quantity must be at least 1"}
    print(f"ACCEPTED {order_id} x{quantity}")
    return {"status": "accepted", "orderId": order_id, "quantity": quantity}
