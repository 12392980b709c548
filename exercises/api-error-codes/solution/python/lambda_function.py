import json

ROOMS = {"blue", "green", "red"}
BOOKED = {("blue", "2026-03-01")}


def reserve(room, date):
    """Stores a booking and returns its id. Do not change."""
    if room == "red":
        raise RuntimeError("booking store unavailable (connection reset)")
    return f"{room}-{date}"


def respond(status, payload, headers=None):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json", **(headers or {})},
        "body": json.dumps(payload),
    }


def lambda_handler(event, context):
    try:
        data = json.loads(event.get("body") or "")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return respond(400, {"error": "invalid_json"})
    for field in ("room", "date"):
        if not data.get(field):
            return respond(400, {"error": "missing_field", "field": field})
    room, date = data["room"], data["date"]
    if room not in ROOMS:
        return respond(404, {"error": "unknown_room"})
    if (room, date) in BOOKED:
        return respond(409, {"error": "already_booked"})
    try:
        booking_id = reserve(room, date)
    except Exception as error:
        # The details are for the operators' logs, not for the caller.
        print(f"reserve failed for {room} on {date}: {error}")
        return respond(500, {"error": "internal"})
    body = {"bookingId": booking_id, "room": room, "date": date}
    return respond(201, body, {"Location": f"/bookings/{booking_id}"})
