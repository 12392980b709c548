# Plausible mistake: routing on detail-type alone, so another source's "Order Placed" is acted on.
ACTIONS = {"Order Placed": "reserve-stock", "Order Cancelled": "release-stock",
           "Order Shipped": "notify-customer"}


def lambda_handler(event, context):
    detail_type = event["detail-type"]
    if detail_type not in ACTIONS:
        print(f"ignored {detail_type} from {event['source']}")
        return {"action": "ignore", "detailType": detail_type}
    result = {"action": ACTIONS[detail_type], "orderId": event["detail"]["orderId"]}
    if detail_type == "Order Shipped":
        result["customerId"] = event["detail"]["customerId"]
    return result
