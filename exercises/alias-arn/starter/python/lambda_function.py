def lambda_handler(event, context):
    arn = context.invoked_function_arn
    # TODO: find the qualifier (the 8th part of the ARN, if any) and what kind it is.
    return {"function": context.function_name, "qualifier": arn.split(":")[-1],
            "kind": "alias", "alias": None}
