import time


class ReportClient:
    def run(self, report_id):
        return {"report": report_id, "rows": 3}


def make_report_client():
    """Stands in for a slow client: loading an SDK, opening a connection."""
    print("creating the report client")
    time.sleep(0.2)
    return ReportClient()


# TODO: only reports need this; create it on the first report instead of at start-up.
CLIENT = make_report_client()


def lambda_handler(event, context):
    action = event.get("action")
    if action == "ping":
        return {"ok": True}
    if action == "report":
        return CLIENT.run(event["id"])
    return {"error": "unknown action"}
