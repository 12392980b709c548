import time


def lambda_handler(event, context):
    print("sleeping")
    time.sleep(5)
    return {"statusCode": 200}
