export const handler = async (event) => {
  const name = event.queryStringParameters?.name || "World";
  const body = { message: `Hello, ${name}!`, payload: event.version ?? "1.0" };
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
};
