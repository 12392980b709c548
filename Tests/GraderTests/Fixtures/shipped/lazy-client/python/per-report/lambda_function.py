# Plausible wrong solution: creates the client inside the handler for every report.
import time


class ReportClient:
    def run(self, report_id):
        return {"report": report_id, "rows": 3}


def make_report_client():
    print("creating the report client")
    time.sleep(0.2)
    return ReportClient()


def lambda_handler(event, context):
    action = event.get("action")
    if action == "ping":
        return {"ok": True}
    if action == "report":
        return make_report_client().run(event["id"])
    return {"error": "unknown action"}
