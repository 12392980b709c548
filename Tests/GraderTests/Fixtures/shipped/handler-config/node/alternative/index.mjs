export async function handleOrder({ orderId, items }) {
  let cents = 0;
  for (const { price, quantity = 1 } of items || []) cents += Math.round(price * 100) * quantity;
  return { orderId, items: (items || []).length, total: cents / 100 };
}
