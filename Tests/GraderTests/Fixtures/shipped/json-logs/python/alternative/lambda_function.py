import json
import os
import sys


class JsonLogger:
    def __init__(self, context, **base):
        self.base = {"requestId": context.aws_request_id, **base}

    def emit(self, level, message, **fields):
        sys.stdout.write(json.dumps({"level": level, "message": message, **self.base, **fields}) + "\n")


def lambda_handler(event, context):
    logger = JsonLogger(context, orderId=event["orderId"])
    if os.environ.get("LOG_LEVEL", "INFO").upper() == "DEBUG":
        logger.emit("DEBUG", "validating order")
    amount = event.get("amount")
    if isinstance(amount, (int, float)) and amount > 0:
        logger.emit("INFO", "order accepted")
        return {"orderId": event["orderId"], "accepted": True}
    reason = "amount must be positive"
    logger.emit("ERROR", "order rejected", reason=reason)
    return {"orderId": event["orderId"], "accepted": False, "reason": reason}
