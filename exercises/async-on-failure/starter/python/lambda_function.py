def lambda_handler(event, context):
    # TODO: this function is invoked asynchronously, so nobody reads {"ok": False}.
    # Let a bad order make the invocation fail, so that Lambda retries it and then
    # sends it to the on-failure destination; check quantity too.
    try:
        order_id = event.get("orderId")
        if not isinstance(order_id, str) or not order_id:
            raise ValueError("orderId is missing or empty")
    except ValueError as error:
        print(f"rejected: {error}")
        return {"ok": False}
    return {"ok": True}
