def plain(typed):
    """One DynamoDB typed value, such as {"N": "19.90"}, as a plain value."""
    (kind, value), = typed.items()
    if kind == "S" or kind == "BOOL":
        return value
    if kind == "N":
        number = float(value)
        return int(number) if number.is_integer() else number
    if kind == "NULL":
        return None
    if kind == "L":
        return [plain(item) for item in value]
    if kind == "M":
        return image(value)
    raise ValueError(f"unsupported attribute type {kind}")


def image(attributes):
    if attributes is None:
        return None
    return {name: plain(value) for name, value in attributes.items()}


def lambda_handler(event, context):
    changes = []
    counts = {"INSERT": 0, "MODIFY": 0, "REMOVE": 0}
    for record in event["Records"]:
        data = record["dynamodb"]
        changes.append({
            "type": record["eventName"],
            "keys": image(data["Keys"]),
            "old": image(data.get("OldImage")),
            "new": image(data.get("NewImage")),
        })
        counts[record["eventName"]] += 1
    return {"changes": changes, "counts": counts}
