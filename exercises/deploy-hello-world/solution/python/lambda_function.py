import os


def lambda_handler(event, context):
    return {"message": "hello world", "stage": os.environ.get("STAGE", "unset")}
