console.log("connecting to the bank");

export const handler = async (event) => {
  console.log(`charging ${event.id}`);
  process.exit(3);
};
