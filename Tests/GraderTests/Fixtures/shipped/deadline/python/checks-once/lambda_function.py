# Plausible wrong solution: looks at the remaining time once, before the loop.
import time


def process(item, ms):
    time.sleep(ms / 1000)
    print(f"processed {item}")


def lambda_handler(event, context):
    items = event["items"]
    if context.get_remaining_time_in_millis() < 300:
        return {"done": False, "processed": [], "remaining": items}
    for item in items:
        process(item, event["itemMs"])
    return {"done": True, "processed": items, "remaining": []}
