const ALLOWED_ORIGINS = new Set(["https://app.example.com", "https://admin.example.com"]);
const NOTES = ["buy milk", "ship v2"];
const PREFLIGHT = {
  "Access-Control-Allow-Methods": "GET,POST,OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type,Authorization",
  "Access-Control-Max-Age": "600",
};

// A request header by name, in any case; undefined when absent.
const header = (event, name) =>
  Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase())
    ?.[1];

export const handler = async (event) => {
  const origin = header(event, "Origin");
  const allowed = ALLOWED_ORIGINS.has(origin);
  // Every answer depends on the Origin, so shared caches must keep them apart.
  const cors = { Vary: "Origin" };
  if (allowed) {
    cors["Access-Control-Allow-Origin"] = origin;
    cors["Access-Control-Allow-Credentials"] = "true";
  }
  if (event.httpMethod === "OPTIONS") {
    return allowed
      ? { statusCode: 204, headers: { ...cors, ...PREFLIGHT }, body: "" }
      : { statusCode: 403, headers: { Vary: "Origin" }, body: "" };
  }
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/json", ...cors },
    body: JSON.stringify({ notes: NOTES }),
  };
};
