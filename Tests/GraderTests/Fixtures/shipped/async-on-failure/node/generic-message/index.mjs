// A learner who lets the error out but with one message for every problem, so whoever reads
// the on-failure record cannot tell which field was wrong.
export const handler = async (event) => {
  const { orderId, quantity } = event;
  if (typeof orderId !== "string" || orderId === "" || !Number.isInteger(quantity) || quantity < 1) {
    throw new Error("invalid order");
  }
  console.log(`ACCEPTED ${orderId} x${quantity}`);
  return { status: "accepted", orderId, quantity };
};
