import json
import os
import tempfile
import time


def download_rates():
    """Stands in for a slow download of today's euro exchange rates."""
    print("downloading rates")
    time.sleep(0.1)
    return {"USD": 1.08, "GBP": 0.86, "JPY": 163.2}


def lambda_handler(event, context):
    # TODO: keep the rates in rates.json in tempfile.gettempdir() and download only when the
    # file is not there; say whether they came from the file ("cached").
    rates = download_rates()
    rate = rates[event["currency"]]
    return {"amount": round(event["amount"] * rate, 2), "currency": event["currency"],
            "cached": False}
