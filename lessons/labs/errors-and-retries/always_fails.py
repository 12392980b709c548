def lambda_handler(event, context):
    raise ValueError("the payment service is down")
