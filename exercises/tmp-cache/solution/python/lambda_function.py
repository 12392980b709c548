import json
import os
import tempfile
import time


def download_rates():
    """Stands in for a slow download of today's euro exchange rates."""
    print("downloading rates")
    time.sleep(0.1)
    return {"USD": 1.08, "GBP": 0.86, "JPY": 163.2}


def load_rates():
    path = os.path.join(tempfile.gettempdir(), "rates.json")
    if os.path.exists(path):
        with open(path) as file:
            return json.load(file), True
    rates = download_rates()
    with open(path, "w") as file:
        json.dump(rates, file)
    return rates, False


def lambda_handler(event, context):
    rates, cached = load_rates()
    rate = rates.get(event["currency"])
    if rate is None:
        return {"error": f"unknown currency {event['currency']}"}
    return {"amount": round(event["amount"] * rate, 2), "currency": event["currency"],
            "cached": cached}
