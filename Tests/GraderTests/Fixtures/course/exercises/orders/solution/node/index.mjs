console.log("connecting to the bank");
const charged = new Set();

export const handler = async (event) => {
  if (!charged.has(event.id)) {
    charged.add(event.id);
    console.log(`charging ${event.id}`);
  }
  return { charged: true, id: event.id };
};
