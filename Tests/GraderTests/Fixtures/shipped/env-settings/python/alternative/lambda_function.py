import os
import re


class ConfigError(Exception):
    pass


class Settings:
    def __init__(self, environ):
        self.table = environ.get("TABLE_NAME") or self.missing("TABLE_NAME")
        raw = environ.get("MAX_ITEMS") or self.missing("MAX_ITEMS")
        if not re.fullmatch(r"[0-9]+", raw):
            raise ConfigError("MAX_ITEMS must be a whole number, got '%s'" % raw)
        self.max_items = int(raw)
        self.greeting = environ.get("GREETING") or "Hello"

    @staticmethod
    def missing(name):
        raise ConfigError(name + " is not set")


def lambda_handler(event, context):
    settings = Settings(os.environ)
    return {"table": settings.table, "maxItems": settings.max_items, "greeting": settings.greeting}
