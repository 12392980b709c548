// Plausible mistake: the body is base64, but isBase64Encoded is left false, so clients get
// the base64 text instead of the file.
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
  if (!FILES[name]) {
    return {
      statusCode: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
      body: `no such file: ${name}`,
      isBase64Encoded: false,
    };
  }
  const [contentType, data] = FILES[name];
  const isText = contentType.startsWith("text/");
  return {
    statusCode: 200,
    headers: { "Content-Type": contentType },
    body: isText ? data.toString("utf8") : data.toString("base64"),
    isBase64Encoded: false,
  };
};
