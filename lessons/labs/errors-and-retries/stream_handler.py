def lambda_handler(event, context):
    for record in event["Records"]:
        item = record["dynamodb"].get("NewImage", {})
        if "poison" in item:
            raise ValueError("cannot process record " + record["eventID"])
    return {"processed": len(event["Records"])}
