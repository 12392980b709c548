import time


def handler(event, context):
    print("going to sleep")
    time.sleep(30)
    return "never"
