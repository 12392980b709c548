// Written differently: the name as a class field, a common base class.
class OrderError extends Error {}

class ValidationError extends OrderError {
  name = "ValidationError";
}

class OutOfStockError extends OrderError {
  name = "OutOfStockError";
}

export const handler = async ({ orderId, sku, quantity }) => {
  if (typeof orderId !== "string" || orderId.length === 0) {
    throw new ValidationError("the order has no orderId");
  }
  if (typeof quantity !== "number" || quantity < 1 || quantity % 1 !== 0) {
    throw new ValidationError("the quantity is not a positive whole number");
  }
  if (sku === "LAMP-9") throw new OutOfStockError(`sorry, ${sku} is out of stock`);
  return { status: "accepted", orderId, quantity };
};
