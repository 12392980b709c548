# Plausible wrong solution: int() on MAX_ITEMS raises ValueError, not ConfigError.
import os


class ConfigError(Exception):
    pass


def lambda_handler(event, context):
    table = os.environ.get("TABLE_NAME")
    if not table:
        raise ConfigError("TABLE_NAME is not set")
    if "MAX_ITEMS" not in os.environ:
        raise ConfigError("MAX_ITEMS is not set")
    return {"table": table, "maxItems": int(os.environ["MAX_ITEMS"]),
            "greeting": os.environ.get("GREETING", "Hello")}
