PREFIX = "REPORT RequestId: "


def lambda_handler(event, context):
    line = event.get("line", "")
    if not line.startswith(PREFIX):
        return {"error": "not a REPORT line"}
    pieces = line.rstrip("\n").split("\t")
    fields = dict(piece.split(": ", 1) for piece in pieces[1:] if ": " in piece)

    def number(name):
        return fields[name].split(" ")[0]

    init = float(number("Init Duration")) if "Init Duration" in fields else None
    return {
        "requestId": pieces[0][len(PREFIX):],
        "durationMs": float(number("Duration")),
        "billedDurationMs": int(number("Billed Duration")),
        "memorySizeMB": int(number("Memory Size")),
        "maxMemoryUsedMB": int(number("Max Memory Used")),
        "initDurationMs": init,
        "coldStart": init is not None,
    }
