from decimal import Decimal


def handle_order(event, context):
    total = Decimal(0)
    count = 0
    for line in event.get("items") or []:
        total += Decimal(str(line["price"])) * line.get("quantity", 1)
        count += 1
    return {"orderId": event["orderId"], "items": count, "total": float(round(total, 2))}
