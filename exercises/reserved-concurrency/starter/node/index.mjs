// Stands in for writing the order through one database connection.
const save = async (order) => {
  await new Promise((resolve) => setTimeout(resolve, 400));
  console.log(`saved ${order.orderId}`);
};

export const handler = async (event) => {
  // TODO: save the order, then say so. (And cap the concurrency in function.json.)
  return { orderId: event.orderId, saved: false };
};
