# Plausible mistake: decoding first and replacing "+" afterwards turns a real "+" into a space.
from urllib.parse import unquote


def lambda_handler(event, context):
    objects = []
    for r in event["Records"]:
        key = unquote(r["s3"]["object"]["key"]).replace("+", " ")
        objects.append({"bucket": r["s3"]["bucket"]["name"], "key": key,
                        "size": r["s3"]["object"]["size"]})
    return {"objects": objects, "totalBytes": sum(o["size"] for o in objects)}
