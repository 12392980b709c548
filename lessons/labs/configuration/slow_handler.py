import time


def lambda_handler(event, context):
    time.sleep(2)   # longer than a 1-second timeout
    return {"done": True}
