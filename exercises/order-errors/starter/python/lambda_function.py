OUT_OF_STOCK = {"LAMP-9"}


def lambda_handler(event, context):
    # TODO: define ValidationError and OutOfStockError, raise them for a bad
    # orderId, a bad quantity and an out-of-stock SKU, and accept the rest.
    return {"status": "accepted"}
