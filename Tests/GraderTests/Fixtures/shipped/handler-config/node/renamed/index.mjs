// Plausible wrong solution: rename the export to match the old configuration.
export const handler = async (event) => {
  const lines = event.items ?? [];
  const total = lines.reduce((sum, line) => sum + line.price * (line.quantity ?? 1), 0);
  return { orderId: event.orderId, items: lines.length, total: Math.round(total * 100) / 100 };
};
