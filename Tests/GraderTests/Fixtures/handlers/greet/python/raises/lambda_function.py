def lambda_handler(event, context):
    print("about to look up the name")
    return {"statusCode": 200, "body": event["missing"]}
