import sys

print("connecting to the bank")


def lambda_handler(event, context):
    print(f"charging {event['id']}")
    sys.exit(3)
