# Written differently: environment variables for the static fields, a helper for the budget.
import os


def has_time_for(context, budget_ms):
    return context.get_remaining_time_in_millis() >= budget_ms


def lambda_handler(event, context):
    fields = {
        "functionName": os.environ["AWS_LAMBDA_FUNCTION_NAME"],
        "functionVersion": os.environ["AWS_LAMBDA_FUNCTION_VERSION"],
        "invokedFunctionArn": context.invoked_function_arn,
        "requestId": context.aws_request_id,
        "memoryLimitMB": int(os.environ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]),
    }
    fields["remainingMs"] = context.get_remaining_time_in_millis()
    fields["enoughTime"] = has_time_for(context, event.get("budgetMs") or 0)
    return fields
