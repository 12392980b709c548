import os


class ConfigError(Exception):
    """A setting of the function is missing or wrong."""


def required(name):
    value = os.environ.get(name, "")
    if not value:
        raise ConfigError(f"{name} is not set")
    return value


def lambda_handler(event, context):
    table = required("TABLE_NAME")
    text = required("MAX_ITEMS")
    if not text.isdigit():
        raise ConfigError(f"MAX_ITEMS must be a whole number, got '{text}'")
    return {
        "table": table,
        "maxItems": int(text),
        "greeting": os.environ.get("GREETING", "Hello"),
    }
