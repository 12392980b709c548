// Stands in for an expensive start-up step: reading a big file, opening connections.
const loadPriceTable = async () => {
  console.log('loading the price table');
  await new Promise((resolve) => setTimeout(resolve, 250));
  return { apple: 0.5, pear: 0.75, melon: 2.0 };
};

export const handler = async (event) => {
  // TODO: this runs on every call; load the table once, in init code.
  const prices = await loadPriceTable();
  const price = prices[event.sku];
  if (price === undefined) return { sku: event.sku, error: 'unknown sku' };
  return { sku: event.sku, price };
};
