// Plausible mistake: the EventBridge event id is used as the idempotency key, so a payment
// the producer sent twice (new id, same paymentId) is charged twice.
// Stands in for a DynamoDB table written with a conditional put. Do not change.
const claimed = new Set();

// Records key; true the first time, false when it was already recorded.
const claim = (key) => {
  if (claimed.has(key)) return false;
  claimed.add(key);
  return true;
};

// The side effect that must happen once per payment. Do not change.
const charge = (paymentId, amount, currency) => {
  console.log(`CHARGED ${paymentId} ${amount.toFixed(2)} ${currency}`);
};

export const handler = async (event) => {
  const { paymentId, amount, currency } = event.detail;
  if (!claim(event.id)) return { status: "duplicate", paymentId };
  charge(paymentId, amount, currency);
  return { status: "charged", paymentId };
};
