# Plausible mistake: the memory limit is returned as the string the runtime gives.
def lambda_handler(event, context):
    remaining = context.get_remaining_time_in_millis()
    return {
        "functionName": context.function_name,
        "functionVersion": context.function_version,
        "invokedFunctionArn": context.invoked_function_arn,
        "requestId": context.aws_request_id,
        "memoryLimitMB": context.memory_limit_in_mb,
        "remainingMs": remaining,
        "enoughTime": remaining >= event.get("budgetMs", 0),
    }
