const ALLOWED_ORIGINS = new Set(["https://app.example.com", "https://admin.example.com"]);
const NOTES = ["buy milk", "ship v2"];

export const handler = async (event) => {
  // TODO: answer OPTIONS preflights and add the CORS headers to GET responses,
  // for the allowed origins only.
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ notes: NOTES }),
  };
};
