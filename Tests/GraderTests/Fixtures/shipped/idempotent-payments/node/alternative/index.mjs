// Written differently: one return with a conditional.
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

export const handler = async ({ detail }) => {
  const fresh = claim(detail.paymentId);
  if (fresh) charge(detail.paymentId, detail.amount, detail.currency);
  return { paymentId: detail.paymentId, status: fresh ? "charged" : "duplicate" };
};
