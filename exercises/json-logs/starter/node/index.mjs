export const handler = async (event) => {
  const orderId = event.orderId;
  // TODO: log one JSON object per line with level, message, requestId and orderId;
  // a DEBUG line only when LOG_LEVEL is DEBUG.
  if ((event.amount ?? 0) > 0) {
    console.log(`order ${orderId} accepted`);
    return { orderId, accepted: true };
  }
  console.log(`order ${orderId} rejected`);
  return { orderId, accepted: false, reason: 'amount must be positive' };
};
