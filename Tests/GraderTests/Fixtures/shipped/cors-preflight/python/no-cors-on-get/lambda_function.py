# Plausible mistake: the preflight is answered correctly, but the GET response itself lacks
# Access-Control-Allow-Origin, so the browser still blocks the page from reading it.
import json

ALLOWED_ORIGINS = {"https://app.example.com", "https://admin.example.com"}


def lambda_handler(event, context):
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    origin = headers.get("origin")
    if event["httpMethod"] == "OPTIONS":
        if origin not in ALLOWED_ORIGINS:
            return {"statusCode": 403, "headers": {"Vary": "Origin"}, "body": ""}
        return {
            "statusCode": 204,
            "headers": {
                "Access-Control-Allow-Origin": origin,
                "Access-Control-Allow-Methods": "GET,POST,OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type,Authorization",
                "Access-Control-Max-Age": "600",
                "Access-Control-Allow-Credentials": "true",
                "Vary": "Origin",
            },
            "body": "",
        }
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json", "Vary": "Origin"},
        "body": json.dumps({"notes": ["buy milk", "ship v2"]}),
    }
