import json

ALLOWED_ORIGINS = {"https://app.example.com", "https://admin.example.com"}
NOTES = ["buy milk", "ship v2"]
PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET,POST,OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type,Authorization",
    "Access-Control-Max-Age": "600",
}


def header(event, name):
    """A request header by name, in any case; None when absent."""
    for key, value in (event.get("headers") or {}).items():
        if key.lower() == name.lower():
            return value
    return None


def lambda_handler(event, context):
    origin = header(event, "Origin")
    allowed = origin in ALLOWED_ORIGINS
    # Every answer depends on the Origin, so shared caches must keep them apart.
    cors = {"Vary": "Origin"}
    if allowed:
        cors["Access-Control-Allow-Origin"] = origin
        cors["Access-Control-Allow-Credentials"] = "true"
    if event["httpMethod"] == "OPTIONS":
        if not allowed:
            return {"statusCode": 403, "headers": {"Vary": "Origin"}, "body": ""}
        return {"statusCode": 204, "headers": {**cors, **PREFLIGHT}, "body": ""}
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json", **cors},
        "body": json.dumps({"notes": NOTES}),
    }
