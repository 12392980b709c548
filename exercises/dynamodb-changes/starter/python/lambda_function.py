def lambda_handler(event, context):
    # TODO: turn every stream record into {"type", "keys", "old", "new"} with plain
    # values (numbers as numbers), and count the records of each kind.
    changes = []
    for record in event["Records"]:
        changes.append({"type": record["eventName"], "keys": record["dynamodb"]["Keys"]})
    return {"changes": changes, "counts": {}}
