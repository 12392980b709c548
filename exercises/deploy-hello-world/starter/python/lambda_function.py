import os


def lambda_handler(event, context):
    # TODO: return {"message": "hello world", "stage": <the STAGE environment variable>}
    return {}
