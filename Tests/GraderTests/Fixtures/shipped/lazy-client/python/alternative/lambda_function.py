import functools
import time


class ReportClient:
    def run(self, report_id):
        return {"report": report_id, "rows": 3}


@functools.lru_cache(maxsize=None)
def make_report_client():
    print("creating the report client")
    time.sleep(0.2)
    return ReportClient()


ACTIONS = {
    "ping": lambda event: {"ok": True},
    "report": lambda event: make_report_client().run(event["id"]),
}


def lambda_handler(event, context):
    action = ACTIONS.get(event.get("action"))
    return action(event) if action else {"error": "unknown action"}
