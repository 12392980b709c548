def lambda_handler(event, context):
    parts = context.invoked_function_arn.split(":")
    qualifier = parts[7] if len(parts) == 8 else None
    if qualifier is None:
        kind = "unqualified"
    elif qualifier == "$LATEST":
        kind = "latest"
    elif qualifier.isdigit():
        kind = "version"
    else:
        kind = "alias"
    return {
        "function": context.function_name,
        "qualifier": qualifier,
        "kind": kind,
        "alias": qualifier if kind == "alias" else None,
    }
