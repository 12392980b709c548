// Written differently: a Map of lower-cased headers and a switch on the method.
const ORIGINS = ["https://app.example.com", "https://admin.example.com"];

export const handler = async (event) => {
  const request = new Map(
    Object.entries(event.headers || {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const origin = request.get("origin");
  const ok = ORIGINS.includes(origin);
  const cors = ok
    ? { Vary: "Origin", "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true" }
    : { Vary: "Origin" };
  switch (event.httpMethod) {
    case "OPTIONS":
      if (!ok) return { statusCode: 403, headers: { Vary: "Origin" }, body: "" };
      return {
        statusCode: 204,
        headers: {
          ...cors,
          "Access-Control-Allow-Methods": "GET,POST,OPTIONS",
          "Access-Control-Allow-Headers": "Content-Type,Authorization",
          "Access-Control-Max-Age": "600",
        },
        body: "",
      };
    default:
      return {
        statusCode: 200,
        headers: { ...cors, "Content-Type": "application/json" },
        body: JSON.stringify({ notes: ["buy milk", "ship v2"] }),
      };
  }
};
