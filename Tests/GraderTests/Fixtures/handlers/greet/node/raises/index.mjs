export const handler = async (event) => {
  console.log("about to look up the name");
  return { statusCode: 200, body: event.missing.name };
};
