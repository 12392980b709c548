import json


def parse_object_or_text(text):
    """The message as an object when it is a JSON object, else the text unchanged."""
    try:
        parsed = json.loads(text)
    except ValueError:
        return text
    return parsed if isinstance(parsed, dict) else text


def lambda_handler(event, context):
    sns = event["Records"][0]["Sns"]
    attributes = sns.get("MessageAttributes") or {}
    priority = attributes.get("priority")
    return {
        "topic": sns["TopicArn"].split(":")[-1],
        "subject": sns.get("Subject"),
        "priority": priority["Value"] if priority else None,
        "message": parse_object_or_text(sns["Message"]),
    }
