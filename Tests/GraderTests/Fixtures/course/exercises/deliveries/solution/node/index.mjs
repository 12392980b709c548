import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const charged = new Set();

export const sqsHandler = async (event) => ({
  batchItemFailures: event.Records.filter((r) => ["3", "7"].includes(r.body))
    .map((r) => ({ itemIdentifier: r.messageId })),
});

export const flakyHandler = async (event) => {
  const file = path.join(os.tmpdir(), `attempts-${event.id}`);
  const attempts = fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8")) + 1 : 1;
  fs.writeFileSync(file, String(attempts));
  if (event.broken) throw new Error(`broken event ${event.id}`);
  if (attempts < 3) throw new Error(`downstream not ready, attempt ${attempts}`);
  console.log(`sending ${event.id}`);
  return { sent: event.id };
};

export const chargeHandler = async (event) => {
  if (!charged.has(event.id)) {
    charged.add(event.id);
    console.log(`charging ${event.id}`);
  }
  return { charged: event.id };
};

export const streamHandler = async (event) => {
  for (const r of event.Records) {
    if (r.dynamodb.NewImage.Message.S === "m3") throw new Error("poison record");
  }
};
