import base64

# name -> (content type, bytes). Do not change.
FILES = {
    "pixel.gif": (
        "image/gif",
        bytes.fromhex(
            "47494638396101000100800000000000ffffff21f90401000000002c000000000100010000020244"
            "01003b"
        ),
    ),
    "bytes.bin": ("application/octet-stream", bytes(range(256))),
    "hello.txt": ("text/plain; charset=utf-8", "Grüße aus Lambda!\n".encode("utf-8")),
}


def lambda_handler(event, context):
    name = event["pathParameters"]["name"]
    if name not in FILES:
        return {
            "statusCode": 404,
            "headers": {"Content-Type": "text/plain; charset=utf-8"},
            "body": f"no such file: {name}",
            "isBase64Encoded": False,
        }
    content_type, data = FILES[name]
    if content_type.startswith("text/"):
        body, encoded = data.decode("utf-8"), False
    else:
        # JSON cannot carry raw bytes: send base64 text and let API Gateway decode it.
        body, encoded = base64.b64encode(data).decode("ascii"), True
    return {
        "statusCode": 200,
        "headers": {"Content-Type": content_type},
        "body": body,
        "isBase64Encoded": encoded,
    }
