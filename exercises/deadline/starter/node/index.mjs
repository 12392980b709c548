const MARGIN_MS = 300;

// Stands in for real work on one item.
const processItem = async (item, ms) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  console.log(`processed ${item}`);
};

export const handler = async (event, context) => {
  const items = event.items;
  const processed = [];
  // TODO: before each item, stop when fewer than MARGIN_MS milliseconds are left and
  // return what was processed and what remains.
  for (const item of items) {
    await processItem(item, event.itemMs);
    processed.push(item);
  }
  return { done: true, processed, remaining: [] };
};
