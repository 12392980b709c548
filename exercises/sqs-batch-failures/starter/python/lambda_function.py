import json


def lambda_handler(event, context):
    # TODO: process each message on its own and return the messageIds of the
    # ones that failed in "batchItemFailures".
    for record in event["Records"]:
        order = json.loads(record["body"])
        print(f"processed {order['orderId']}")
    return {}
