import time

MARGIN_MS = 300


def process(item, ms):
    """Stands in for real work on one item."""
    time.sleep(ms / 1000)
    print(f"processed {item}")


def lambda_handler(event, context):
    items = event["items"]
    processed = []
    # TODO: before each item, stop when fewer than MARGIN_MS milliseconds are left and
    # return what was processed and what remains.
    for item in items:
        process(item, event["itemMs"])
        processed.append(item)
    return {"done": True, "processed": processed, "remaining": []}
