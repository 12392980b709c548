export const handler = async (event) => {
  console.log("connecting to the bank");
  console.log(`charging ${event.id}`);
  return { id: event.id, charged: true };
};
