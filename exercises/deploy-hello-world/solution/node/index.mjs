export const handler = async () => {
  return { message: "hello world", stage: process.env.STAGE ?? "unset" };
};
