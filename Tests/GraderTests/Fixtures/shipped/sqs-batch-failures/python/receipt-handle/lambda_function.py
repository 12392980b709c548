# Plausible mistake: the failures are reported by receiptHandle instead of messageId.
import json


def lambda_handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            order = json.loads(record["body"])
            amount = order["amount"]
            if not isinstance(amount, (int, float)) or amount <= 0:
                raise ValueError("bad amount")
            print(f"processed {order['orderId']}")
        except (ValueError, KeyError, TypeError):
            failures.append({"itemIdentifier": record["receiptHandle"]})
    return {"batchItemFailures": failures}
