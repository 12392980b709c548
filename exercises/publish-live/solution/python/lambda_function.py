def lambda_handler(event, context):
    return {"message": "hello world", "version": context.function_version}
