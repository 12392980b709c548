import json
import os
import tempfile

LIMIT = 1_000_000


def build_rows(count):
    """One row per order line: about 100 bytes each as JSON."""
    return [{"line": i, "sku": f"sku-{i % 977:04d}", "quantity": i % 7 + 1,
             "note": "standard delivery, leave at the door"} for i in range(count)]


def lambda_handler(event, context):
    rows = build_rows(event["rows"])
    # TODO: above LIMIT bytes, write {"rows": rows} to reports/<reportId>.json in the
    # temporary folder and return a pointer to it instead.
    return {"inline": True, "rows": rows}
