# Plausible wrong solution: rename the entry point to match the old configuration.
def lambda_handler(event, context):
    lines = event.get("items") or []
    total = sum(line["price"] * line.get("quantity", 1) for line in lines)
    return {"orderId": event["orderId"], "items": len(lines), "total": round(total, 2)}
