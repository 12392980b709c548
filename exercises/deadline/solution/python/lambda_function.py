import time

MARGIN_MS = 300


def process(item, ms):
    """Stands in for real work on one item."""
    time.sleep(ms / 1000)
    print(f"processed {item}")


def lambda_handler(event, context):
    items = event["items"]
    processed = []
    for index, item in enumerate(items):
        if context.get_remaining_time_in_millis() < MARGIN_MS:
            return {"done": False, "processed": processed, "remaining": items[index:]}
        process(item, event["itemMs"])
        processed.append(item)
    return {"done": True, "processed": processed, "remaining": []}
