import time


def load_price_table():
    """Stands in for an expensive start-up step: reading a big file, opening connections."""
    print("loading the price table")
    time.sleep(0.25)
    return {"apple": 0.5, "pear": 0.75, "melon": 2.0}


def lambda_handler(event, context):
    # TODO: this runs on every call; load the table once, in init code.
    prices = load_price_table()
    price = prices.get(event["sku"])
    if price is None:
        return {"sku": event["sku"], "error": "unknown sku"}
    return {"sku": event["sku"], "price": price}
