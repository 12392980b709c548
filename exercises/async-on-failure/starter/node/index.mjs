export const handler = async (event) => {
  // TODO: this function is invoked asynchronously, so nobody reads { ok: false }.
  // Let a bad order make the invocation fail, so that Lambda retries it and then
  // sends it to the on-failure destination; check quantity too.
  try {
    const orderId = event.orderId;
    if (typeof orderId !== "string" || orderId === "") {
      throw new Error("orderId is missing or empty");
    }
  } catch (error) {
    console.log(`rejected: ${error.message}`);
    return { ok: false };
  }
  return { ok: true };
};
