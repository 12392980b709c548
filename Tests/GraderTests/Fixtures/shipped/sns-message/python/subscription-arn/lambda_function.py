# Plausible mistake: the topic name is taken from EventSubscriptionArn, whose last part is the
# subscription id.
import json


def lambda_handler(event, context):
    record = event["Records"][0]
    sns = record["Sns"]
    try:
        message = json.loads(sns["Message"])
        if not isinstance(message, dict):
            message = sns["Message"]
    except ValueError:
        message = sns["Message"]
    priority = (sns.get("MessageAttributes") or {}).get("priority")
    return {
        "topic": record["EventSubscriptionArn"].split(":")[-1],
        "subject": sns.get("Subject"),
        "priority": priority["Value"] if priority else None,
        "message": message,
    }
