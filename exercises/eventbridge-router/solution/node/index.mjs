const SOURCE = "com.example.orders";
const ACTIONS = {
  "Order Placed": "reserve-stock",
  "Order Cancelled": "release-stock",
  "Order Shipped": "notify-customer",
};

export const handler = async (event) => {
  const { source, detail } = event;
  const detailType = event["detail-type"];
  const action = source === SOURCE ? ACTIONS[detailType] : undefined;
  if (action === undefined) {
    // An unknown event would fail on every retry: log it and move on.
    console.log(`ignored ${detailType} from ${source}`);
    return { action: "ignore", detailType };
  }
  const result = { action, orderId: detail.orderId };
  if (action === "notify-customer") result.customerId = detail.customerId;
  return result;
};
