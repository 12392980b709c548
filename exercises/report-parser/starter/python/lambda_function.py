def lambda_handler(event, context):
    line = event["line"]
    # TODO: split the REPORT line into its tab-separated fields and return each as a number;
    # initDurationMs is null (None) without an Init Duration.
    words = line.split(" ")
    return {"requestId": words[2], "durationMs": words[4]}
