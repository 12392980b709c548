def lambda_handler(event, context):
    # TODO: return one entry per record with the bucket, the decoded key and the
    # size, plus the total size. Keys in S3 events are URL-encoded.
    record = event["Records"][0]
    return {"objects": [{"key": record["s3"]["object"]["key"]}], "totalBytes": 0}
