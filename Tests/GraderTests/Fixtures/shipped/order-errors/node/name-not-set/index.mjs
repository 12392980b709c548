// Plausible mistake: subclasses of Error without a name, so Lambda reports errorType "Error".
class ValidationError extends Error {}
class OutOfStockError extends Error {}

export const handler = async (event) => {
  if (!event.orderId) throw new ValidationError("orderId is required");
  if (!Number.isInteger(event.quantity) || event.quantity < 1) {
    throw new ValidationError("quantity must be a whole number of at least 1");
  }
  if (event.sku === "LAMP-9") throw new OutOfStockError("LAMP-9 is out of stock");
  return { status: "accepted", orderId: event.orderId, quantity: event.quantity };
};
