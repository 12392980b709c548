import { gunzipSync } from "node:zlib";

export const handler = async (event) => {
  const compressed = Buffer.from(event.awslogs.data, "base64");
  const doc = JSON.parse(gunzipSync(compressed).toString("utf8"));
  const messages =
    doc.messageType === "DATA_MESSAGE" ? doc.logEvents.map((entry) => entry.message) : [];
  return {
    messageType: doc.messageType,
    logGroup: doc.logGroup,
    logStream: doc.logStream,
    messages,
    errorCount: messages.filter((message) => message.includes("ERROR")).length,
  };
};
