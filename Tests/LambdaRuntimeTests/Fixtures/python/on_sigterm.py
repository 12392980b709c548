# Reacts to SIGTERM as SIGTERM_MODE says: "exit" writes "term" to $SIGTERM_MARKER and exits,
# "ignore" ignores it (so only SIGKILL ends the runtime).
import os
import signal


def _on_term(signum, frame):
    with open(os.environ["SIGTERM_MARKER"], "w") as marker:
        marker.write("term")
    os._exit(0)


if os.environ.get("SIGTERM_MODE") == "ignore":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
else:
    signal.signal(signal.SIGTERM, _on_term)


def handler(event, context):
    return "up"
