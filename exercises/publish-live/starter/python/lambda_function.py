def lambda_handler(event, context):
    # TODO: return {"message": "hello world", "version": <the version that runs>}
    return {"message": "hello world"}
