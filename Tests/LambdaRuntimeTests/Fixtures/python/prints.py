import sys


def handler(event, context):
    line = "y" * 1023 + "\n"
    for _ in range(20 * 1024):
        sys.stdout.write(line)
    print("LAST LINE")
    return "printed"
