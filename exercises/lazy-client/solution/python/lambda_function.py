import time


class ReportClient:
    def run(self, report_id):
        return {"report": report_id, "rows": 3}


def make_report_client():
    """Stands in for a slow client: loading an SDK, opening a connection."""
    print("creating the report client")
    time.sleep(0.2)
    return ReportClient()


_client = None


def get_client():
    global _client
    if _client is None:
        _client = make_report_client()
    return _client


def lambda_handler(event, context):
    action = event.get("action")
    if action == "ping":
        return {"ok": True}
    if action == "report":
        return get_client().run(event["id"])
    return {"error": "unknown action"}
