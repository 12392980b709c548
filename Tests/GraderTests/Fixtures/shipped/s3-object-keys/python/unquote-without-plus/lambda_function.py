# Plausible mistake: unquote decodes %XX but leaves "+" where a space should be.
from urllib.parse import unquote


def lambda_handler(event, context):
    objects = [
        {
            "bucket": r["s3"]["bucket"]["name"],
            "key": unquote(r["s3"]["object"]["key"]),
            "size": r["s3"]["object"]["size"],
        }
        for r in event["Records"]
    ]
    return {"objects": objects, "totalBytes": sum(o["size"] for o in objects)}
