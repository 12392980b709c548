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
  const detail = event.detail;
  // TODO: make this idempotent: claim the paymentId first and charge only when
  // the claim succeeds; return the status ("charged" or "duplicate").
  charge(detail.paymentId, detail.amount, detail.currency);
  return { status: "charged" };
};
