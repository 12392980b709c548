# Written differently: plus signs by hand, then unquote; a running total.
import urllib.parse


def lambda_handler(event, context):
    objects, total = [], 0
    for record in event["Records"]:
        raw = record["s3"]["object"]["key"]
        key = urllib.parse.unquote(raw.replace("+", " "), encoding="utf-8")
        size = int(record["s3"]["object"]["size"])
        total += size
        objects.append(dict(bucket=record["s3"]["bucket"]["name"], key=key, size=size))
    return dict(objects=objects, totalBytes=total)
