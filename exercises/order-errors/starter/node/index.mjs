const OUT_OF_STOCK = new Set(["LAMP-9"]);

export const handler = async (event) => {
  // TODO: define ValidationError and OutOfStockError, throw them for a bad
  // orderId, a bad quantity and an out-of-stock SKU, and accept the rest.
  return { status: "accepted" };
};
