const MARGIN_MS = 300;

// Stands in for real work on one item.
const processItem = async (item, ms) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  console.log(`processed ${item}`);
};

export const handler = async (event, context) => {
  const { items } = event;
  const processed = [];
  for (const [index, item] of items.entries()) {
    if (context.getRemainingTimeInMillis() < MARGIN_MS) {
      return { done: false, processed, remaining: items.slice(index) };
    }
    await processItem(item, event.itemMs);
    processed.push(item);
  }
  return { done: true, processed, remaining: [] };
};
