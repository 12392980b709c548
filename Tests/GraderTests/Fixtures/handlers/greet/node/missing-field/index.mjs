export const handler = async (event) => {
  const name = (event.queryStringParameters || {}).name;
  if (name === "") {
    const error = new Error("the name is empty");
    error.name = "ValueError";
    throw error;
  }
  console.log(`greeting ${name}`);
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ tags: ["greeting"] }),
  };
};
