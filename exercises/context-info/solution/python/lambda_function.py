def lambda_handler(event, context):
    budget = event.get("budgetMs", 0)
    remaining = context.get_remaining_time_in_millis()
    return {
        "functionName": context.function_name,
        "functionVersion": context.function_version,
        "invokedFunctionArn": context.invoked_function_arn,
        "requestId": context.aws_request_id,
        # The runtime hands the memory limit over as text, e.g. "256".
        "memoryLimitMB": int(context.memory_limit_in_mb),
        "remainingMs": remaining,
        "enoughTime": remaining >= budget,
    }
