// Plausible mistake: `event.detailType` instead of `event["detail-type"]`, so nothing matches.
const ACTIONS = {
  "Order Placed": "reserve-stock",
  "Order Cancelled": "release-stock",
  "Order Shipped": "notify-customer",
};

export const handler = async (event) => {
  const action = event.source === "com.example.orders" ? ACTIONS[event.detailType] : undefined;
  if (!action) {
    console.log(`ignored ${event.detailType} from ${event.source}`);
    return { action: "ignore", detailType: event.detailType };
  }
  const result = { action, orderId: event.detail.orderId };
  if (action === "notify-customer") result.customerId = event.detail.customerId;
  return result;
};
