from urllib.parse import unquote_plus


def lambda_handler(event, context):
    objects = []
    for record in event["Records"]:
        s3 = record["s3"]
        objects.append({
            "bucket": s3["bucket"]["name"],
            # "+" is a space, "%XX" are UTF-8 bytes: unquote_plus undoes both.
            "key": unquote_plus(s3["object"]["key"]),
            "size": s3["object"]["size"],
        })
    return {"objects": objects, "totalBytes": sum(item["size"] for item in objects)}
