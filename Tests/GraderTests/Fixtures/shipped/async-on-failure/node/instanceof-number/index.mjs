// A learner who checks the type with instanceof: a plain number is not a Number object,
// so every order fails, the good ones too.
export const handler = async (event) => {
  const { orderId, quantity } = event;
  if (typeof orderId !== "string" || orderId === "") {
    throw new Error("orderId is missing or empty");
  }
  if (!(quantity instanceof Number) || quantity < 1) {
    throw new Error("quantity must be a whole number of at least 1");
  }
  console.log(`ACCEPTED ${orderId} x${quantity}`);
  return { status: "accepted", orderId, quantity };
};
