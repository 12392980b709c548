def lambda_handler(event, context):
    print("connecting to the bank")
    print(f"charging {event['id']}")
    return {"id": event["id"], "charged": True}
