# Plausible mistake: the body is parsed without a guard, so bad JSON or a missing body
# raises, and the client gets a bare 500 from the HTTP API instead of a 400.
import json

ORDERS = {
    "order-1": {"id": "order-1", "item": "book", "quantity": 1, "status": "open"},
    "order-2": {"id": "order-2", "item": "lamp", "quantity": 2, "status": "shipped"},
    "order-3": {"id": "order-3", "item": "pen", "quantity": 10, "status": "open"},
}


def respond(status, payload):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(payload),
    }


def list_orders(event):
    status = (event.get("queryStringParameters") or {}).get("status")
    matching = [order for order in ORDERS.values() if status is None or order["status"] == status]
    return respond(200, {"orders": matching})


def get_order(event):
    order_id = event["pathParameters"]["id"]
    order = ORDERS.get(order_id)
    if order is None:
        return respond(404, {"error": f"order {order_id} not found"})
    return respond(200, order)


def create_order(event):
    data = json.loads(event["body"])
    order = {
        "id": f"order-{len(ORDERS) + 1}",
        "item": data.get("item"),
        "quantity": data.get("quantity"),
        "status": "open",
    }
    return respond(201, order)


ROUTES = {
    "GET /orders": list_orders,
    "GET /orders/{id}": get_order,
    "POST /orders": create_order,
}


def lambda_handler(event, context):
    route = ROUTES.get(event["routeKey"])
    if route is None:
        return respond(404, {"error": f"no route {event['routeKey']}"})
    return route(event)
