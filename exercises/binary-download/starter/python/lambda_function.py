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
    # TODO: return the file named in pathParameters: binary files base64-encoded
    # with isBase64Encoded true, text files as text, unknown names as a 404.
    return {"statusCode": 501, "body": "not implemented", "isBase64Encoded": False}
