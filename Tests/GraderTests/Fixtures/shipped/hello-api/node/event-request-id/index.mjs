// Reads the request id of API Gateway's request from the event, not Lambda's from the context.
export const handler = async (event, context) => {
  const name = event.queryStringParameters?.name ?? "World";
  return {
    statusCode: 200,
    headers: {
      "Content-Type": "application/json",
      "Access-Control-Allow-Origin": "*",
    },
    body: JSON.stringify({
      message: `Hello, ${name}!`,
      function: context.functionName,
      requestId: event.requestContext.requestId,
    }),
  };
};
