const write = (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`);

export async function handler({ orderId, amount }, { awsRequestId: requestId }) {
  const base = { requestId, orderId };
  if (process.env.LOG_LEVEL === 'DEBUG') write({ level: 'DEBUG', message: 'validating order', ...base });
  if (typeof amount === 'number' && amount > 0) {
    write({ level: 'INFO', message: 'order accepted', ...base });
    return { orderId, accepted: true };
  }
  const reason = 'amount must be positive';
  write({ level: 'ERROR', message: 'order rejected', reason, ...base });
  return { orderId, accepted: false, reason };
}
