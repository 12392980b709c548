// Plausible wrong solution: keeps the first invocation's request id for every later line.
let requestId;

export const handler = async (event, context) => {
  requestId ??= context.awsRequestId;
  const orderId = event.orderId;
  const log = (level, message, extra = {}) => console.log(JSON.stringify({ level, message, requestId, orderId, ...extra }));
  if (process.env.LOG_LEVEL === 'DEBUG') log('DEBUG', 'validating order');
  if ((event.amount ?? 0) > 0) {
    log('INFO', 'order accepted');
    return { orderId, accepted: true };
  }
  const reason = 'amount must be positive';
  log('ERROR', 'order rejected', { reason });
  return { orderId, accepted: false, reason };
};
