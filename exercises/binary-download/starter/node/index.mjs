// name -> [content type, bytes]. Do not change.
const FILES = {
  "pixel.gif": [
    "image/gif",
    Buffer.from(
      "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b",
      "hex",
    ),
  ],
  "bytes.bin": ["application/octet-stream", Buffer.from(Array.from({ length: 256 }, (_, i) => i))],
  "hello.txt": ["text/plain; charset=utf-8", Buffer.from("Grüße aus Lambda!\n", "utf8")],
};

export const handler = async (event) => {
  // TODO: return the file named in pathParameters: binary files base64-encoded
  // with isBase64Encoded true, text files as text, unknown names as a 404.
  return { statusCode: 501, body: "not implemented", isBase64Encoded: false };
};
