import os

TABLE = os.environ.get("TABLE_NAME", "not set")   # read once, at init
DEBUG = os.environ.get("DEBUG", "false") == "true"


def lambda_handler(event, context):
    return {"table": TABLE, "debug": DEBUG}
