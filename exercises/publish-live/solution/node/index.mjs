export const handler = async (event, context) => {
  return { message: "hello world", version: context.functionVersion };
};
