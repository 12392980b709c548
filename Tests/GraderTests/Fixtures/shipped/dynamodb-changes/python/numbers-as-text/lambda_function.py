# Plausible mistake: the typed maps are unwrapped, but "N" values stay the text DynamoDB sends.
def plain(typed):
    (kind, value), = typed.items()
    if kind == "L":
        return [plain(item) for item in value]
    if kind == "M":
        return image(value)
    if kind == "NULL":
        return None
    return value


def image(attributes):
    return None if attributes is None else {k: plain(v) for k, v in attributes.items()}


def lambda_handler(event, context):
    counts = {"INSERT": 0, "MODIFY": 0, "REMOVE": 0}
    changes = []
    for record in event["Records"]:
        data = record["dynamodb"]
        counts[record["eventName"]] += 1
        changes.append({"type": record["eventName"], "keys": image(data["Keys"]),
                        "old": image(data.get("OldImage")), "new": image(data.get("NewImage"))})
    return {"changes": changes, "counts": counts}
