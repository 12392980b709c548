export const handler = async (event) => {
  // TODO: return { message: "hello world", stage: <the STAGE environment variable> }
  return {};
};
