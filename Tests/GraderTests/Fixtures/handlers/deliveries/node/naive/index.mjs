import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const sqsHandler = async (event) => {
  for (const r of event.Records) {
    if (["3", "7"].includes(r.body)) throw new Error(`bad message ${r.body}`);
  }
  return { batchItemFailures: [] };
};

export const flakyHandler = async (event) => {
  console.log(`sending ${event.id}`);
  const file = path.join(os.tmpdir(), `attempts-${event.id}`);
  const attempts = fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8")) + 1 : 1;
  fs.writeFileSync(file, String(attempts));
  if (event.broken || attempts < 3) throw new Error(`downstream not ready, attempt ${attempts}`);
  return { sent: event.id };
};

export const chargeHandler = async (event) => {
  console.log(`charging ${event.id}`);
  return { charged: event.id };
};

export const streamHandler = async (event) => {
  for (const r of event.Records) {
    if (r.dynamodb.NewImage.Message.S === "m3") throw new Error("poison record");
  }
};
