# Plausible mistake: every failure is a 400, and the 201 is a 200.
import json

ROOMS = {"blue", "green", "red"}
BOOKED = {("blue", "2026-03-01")}


def reserve(room, date):
    if room == "red":
        raise RuntimeError("booking store unavailable (connection reset)")
    return f"{room}-{date}"


def respond(status, payload, headers=None):
    return {"statusCode": status, "headers": {"Content-Type": "application/json", **(headers or {})},
            "body": json.dumps(payload)}


def lambda_handler(event, context):
    try:
        data = json.loads(event.get("body") or "")
    except ValueError:
        return respond(400, {"error": "invalid_json"})
    for field in ("room", "date"):
        if field not in data:
            return respond(400, {"error": "missing_field", "field": field})
    if data["room"] not in ROOMS:
        return respond(400, {"error": "unknown_room"})
    if (data["room"], data["date"]) in BOOKED:
        return respond(400, {"error": "already_booked"})
    try:
        booking_id = reserve(data["room"], data["date"])
    except RuntimeError as error:
        print(error)
        return respond(400, {"error": "internal"})
    return respond(200, {"bookingId": booking_id, "room": data["room"], "date": data["date"]},
                   {"Location": f"/bookings/{booking_id}"})
