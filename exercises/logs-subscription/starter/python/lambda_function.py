def lambda_handler(event, context):
    data = event["awslogs"]["data"]
    # TODO: base64-decode, gunzip and parse the data, skip control messages,
    # and return the messages with the number that contain ERROR.
    return {"messageType": None, "messages": [data], "errorCount": 0}
