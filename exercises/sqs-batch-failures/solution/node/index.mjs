// The order in a message body; throws when it is not a valid order.
const parseOrder = (body) => {
  const order = JSON.parse(body);
  if (typeof order?.orderId !== "string") {
    throw new Error("orderId is missing");
  }
  if (typeof order.amount !== "number" || !(order.amount > 0)) {
    throw new Error(`amount must be a number above 0, got ${JSON.stringify(order.amount)}`);
  }
  return order;
};

export const handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const order = parseOrder(record.body);
      console.log(`processed ${order.orderId}`);
    } catch (error) {
      console.log(`failed ${record.messageId}: ${error.message}`);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
