print("connecting to the bank")
charged = set()


def lambda_handler(event, context):
    order = event["id"]
    if order not in charged:
        charged.add(order)
        print(f"charging {order}")
    return {"charged": True, "id": order}
