export const handler = async (event) => {
  // TODO: process each message on its own and return the messageIds of the
  // ones that failed in "batchItemFailures".
  for (const record of event.Records) {
    const order = JSON.parse(record.body);
    console.log(`processed ${order.orderId}`);
  }
  return {};
};
