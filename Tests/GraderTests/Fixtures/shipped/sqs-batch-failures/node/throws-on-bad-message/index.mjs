// Plausible mistake: one bad message throws, so the whole batch fails and comes back.
export const handler = async (event) => {
  for (const record of event.Records) {
    const order = JSON.parse(record.body);
    if (!order.orderId || !(order.amount > 0)) throw new Error(`bad order ${record.messageId}`);
    console.log(`processed ${order.orderId}`);
  }
  return { batchItemFailures: [] };
};
