export const handler = async () => {
  console.log("sleeping");
  await new Promise((resolve) => setTimeout(resolve, 5000));
  return { statusCode: 200 };
};
