def lambda_handler(event, context):
    sns = event["Records"][0]["Sns"]
    # TODO: return the topic name, the subject, the "priority" message attribute
    # and the message (parsed when it is a JSON object).
    return {
        "topic": sns["TopicArn"],
        "subject": sns.get("Subject"),
        "message": sns["Message"],
    }
