export const handler = async (event) => {
  const { orderId, quantity } = event;
  if (typeof orderId !== "string" || orderId === "") {
    throw new Error("orderId is missing or empty");
  }
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new Error(`quantity must be a whole number of at least 1, got ${JSON.stringify(quantity)}`);
  }
  console.log(`ACCEPTED ${orderId} x${quantity}`);
  return { status: "accepted", orderId, quantity };
};
