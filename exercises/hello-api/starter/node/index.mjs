export const handler = async (event, context) => {
  // TODO: read the "name" query string parameter (default "World"),
  // and return an API Gateway proxy response with a JSON body.
  return {
    statusCode: 500,
    body: JSON.stringify({ message: "not written yet" }),
  };
};
