import time

print("connecting to the table")   # init code
time.sleep(0.3)                     # pretend init is slow


def lambda_handler(event, context):
    time.sleep(0.1)                 # pretend work
    return {"ok": True}
