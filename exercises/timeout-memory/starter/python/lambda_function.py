import time


def make_thumbnail(megabytes, seconds):
    """Stands in for downloading an image and resizing it: holds `megabytes` of memory and
    takes `seconds`."""
    image = bytearray(megabytes * 1024 * 1024)
    time.sleep(seconds)
    return len(image) // 1024


def lambda_handler(event, context):
    budget = context.get_remaining_time_in_millis()
    kilobytes = make_thumbnail(event["megabytes"], event["seconds"])
    # TODO: memoryMB must be a number; the context object gives a string.
    return {"thumbnailKB": kilobytes, "memoryMB": context.memory_limit_in_mb, "budgetMs": budget}
