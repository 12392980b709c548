import subprocess


def handler(event, context):
    child = subprocess.Popen(["sleep", event["seconds"]])
    return {"child": child.pid}
