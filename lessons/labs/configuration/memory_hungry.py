def lambda_handler(event, context):
    # Fill about 200 MB, more than the 128 MB default allows.
    data = b"x" * (200 * 1024 * 1024)
    return {"filledMB": len(data) // (1024 * 1024), "memoryMB": context.memory_limit_in_mb}
