const ITEMS = { 1: { id: "1", name: "pen" } };

export const handler = async (event) => {
  // TODO: route GET /items/{id} and POST /items; see the exercise statement.
  return {
    statusCode: 501,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ message: "not implemented" }),
  };
};
