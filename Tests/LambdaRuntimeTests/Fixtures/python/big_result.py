def handler(event, context):
    return "x" * (7 * 1024 * 1024)
