import sys

print("exiting during init")
sys.exit(3)


def handler(event, context):
    return "unreachable"
