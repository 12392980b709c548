import os


class ConfigError(Exception):
    """A setting of the function is missing or wrong."""


def lambda_handler(event, context):
    # TODO: fail with ConfigError when TABLE_NAME or MAX_ITEMS is missing or MAX_ITEMS is
    # not a whole number; GREETING defaults to "Hello".
    return {
        "table": os.environ.get("TABLE_NAME"),
        "maxItems": os.environ.get("MAX_ITEMS"),
        "greeting": os.environ.get("GREETING"),
    }
