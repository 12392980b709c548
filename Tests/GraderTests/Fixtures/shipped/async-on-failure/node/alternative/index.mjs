class InvalidOrderError extends Error {
  constructor(message) {
    super(message);
    this.name = "InvalidOrderError";
  }
}

const check = (condition, message) => {
  if (!condition) throw new InvalidOrderError(message);
};

export async function handler(order) {
  check(typeof order.orderId === "string" && order.orderId.length > 0, "no orderId in the order");
  check(
    typeof order.quantity === "number" && Number.isSafeInteger(order.quantity) && order.quantity > 0,
    `quantity ${JSON.stringify(order.quantity)} is not a whole number >= 1`,
  );
  console.log("ACCEPTED " + order.orderId + " x" + order.quantity);
  return { status: "accepted", orderId: order.orderId, quantity: order.quantity };
}
