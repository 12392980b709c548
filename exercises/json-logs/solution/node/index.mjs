const log = (level, message, context, fields) => {
  console.log(JSON.stringify({ level, message, requestId: context.awsRequestId, ...fields }));
};

export const handler = async (event, context) => {
  const orderId = event.orderId;
  if (process.env.LOG_LEVEL === 'DEBUG') log('DEBUG', 'validating order', context, { orderId });
  if ((event.amount ?? 0) > 0) {
    log('INFO', 'order accepted', context, { orderId });
    return { orderId, accepted: true };
  }
  const reason = 'amount must be positive';
  log('ERROR', 'order rejected', context, { orderId, reason });
  return { orderId, accepted: false, reason };
};
