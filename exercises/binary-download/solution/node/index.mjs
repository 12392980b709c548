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
  const name = event.pathParameters.name;
  const file = FILES[name];
  if (!file) {
    return {
      statusCode: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
      body: `no such file: ${name}`,
      isBase64Encoded: false,
    };
  }
  const [contentType, data] = file;
  const isText = contentType.startsWith("text/");
  return {
    statusCode: 200,
    headers: { "Content-Type": contentType },
    // JSON cannot carry raw bytes: send base64 text and let API Gateway decode it.
    body: data.toString(isText ? "utf8" : "base64"),
    isBase64Encoded: !isText,
  };
};
