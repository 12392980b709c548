import json

ITEMS = {"1": {"id": "1", "name": "pen"}}


def respond(status, payload):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(payload),
    }


def create(body):
    try:
        data = json.loads(body or "")
    except ValueError:
        return respond(400, {"message": "the body must be JSON, such as {\"name\": \"lamp\"}"})
    name = data.get("name") if isinstance(data, dict) else None
    if not isinstance(name, str) or not name:
        return respond(400, {"message": "the item needs a non-empty text 'name'"})
    item_id = str(max(int(key) for key in ITEMS) + 1)
    ITEMS[item_id] = {"id": item_id, "name": name}
    return respond(201, ITEMS[item_id])


def lambda_handler(event, context):
    method = event.get("httpMethod")
    resource = event.get("resource")
    if method == "GET" and resource == "/items/{id}":
        item_id = (event.get("pathParameters") or {}).get("id", "")
        item = ITEMS.get(item_id)
        if item is None:
            return respond(404, {"message": f"item {item_id} not found"})
        return respond(200, item)
    if method == "POST" and resource == "/items":
        return create(event.get("body"))
    return respond(404, {"message": f"no route for {method} {resource}"})
