# Written differently: a lower-cased copy of the headers and a response builder.
import json

ORIGINS = ("https://app.example.com", "https://admin.example.com")


def response(status, headers, body=""):
    return {"statusCode": status, "headers": headers, "body": body}


def lambda_handler(event, context):
    request_headers = {name.lower(): value for name, value in (event["headers"] or {}).items()}
    origin = request_headers.get("origin", "")
    headers = {"Vary": "Origin"}
    if origin in ORIGINS:
        headers.update({
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Allow-Credentials": "true",
        })
    if event["httpMethod"] != "OPTIONS":
        headers["Content-Type"] = "application/json"
        return response(200, headers, json.dumps({"notes": ["buy milk", "ship v2"]}))
    if origin not in ORIGINS:
        return response(403, {"Vary": "Origin"})
    headers["Access-Control-Allow-Methods"] = "GET,POST,OPTIONS"
    headers["Access-Control-Allow-Headers"] = "Content-Type,Authorization"
    headers["Access-Control-Max-Age"] = "600"
    return response(204, headers)
