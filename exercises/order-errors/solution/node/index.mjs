const OUT_OF_STOCK = new Set(["LAMP-9"]);

// Lambda reports error.name as errorType, so each class sets its own name.
class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = "ValidationError";
  }
}

class OutOfStockError extends Error {
  constructor(message) {
    super(message);
    this.name = "OutOfStockError";
  }
}

export const handler = async (event) => {
  const { orderId, quantity, sku } = event;
  if (!orderId) {
    throw new ValidationError("orderId is required");
  }
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw new ValidationError(
      `quantity must be a whole number of at least 1, got ${JSON.stringify(quantity)}`,
    );
  }
  if (OUT_OF_STOCK.has(sku)) {
    throw new OutOfStockError(`${sku} is out of stock`);
  }
  return { status: "accepted", orderId, quantity };
};
