SOURCE = "com.example.orders"
ACTIONS = {
    "Order Placed": "reserve-stock",
    "Order Cancelled": "release-stock",
    "Order Shipped": "notify-customer",
}


def lambda_handler(event, context):
    source, detail_type = event["source"], event["detail-type"]
    action = ACTIONS.get(detail_type) if source == SOURCE else None
    if action is None:
        # An unknown event would fail on every retry: log it and move on.
        print(f"ignored {detail_type} from {source}")
        return {"action": "ignore", "detailType": detail_type}
    detail = event["detail"]
    result = {"action": action, "orderId": detail["orderId"]}
    if action == "notify-customer":
        result["customerId"] = detail["customerId"]
    return result
