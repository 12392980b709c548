import time
from collections import deque


def process(item, ms):
    time.sleep(ms / 1000)
    print(f"processed {item}")


def lambda_handler(event, context):
    queue = deque(event["items"])
    processed = []
    while queue and context.get_remaining_time_in_millis() >= 300:
        item = queue.popleft()
        process(item, event["itemMs"])
        processed.append(item)
    return {"done": not queue, "processed": processed, "remaining": list(queue)}
