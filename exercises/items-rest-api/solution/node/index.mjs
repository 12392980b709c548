const ITEMS = new Map([["1", { id: "1", name: "pen" }]]);

const respond = (statusCode, payload) => ({
  statusCode,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(payload),
});

const create = (body) => {
  let data;
  try {
    data = JSON.parse(body ?? "");
  } catch {
    return respond(400, { message: 'the body must be JSON, such as {"name": "lamp"}' });
  }
  const name = data !== null && typeof data === "object" && !Array.isArray(data) ? data.name : undefined;
  if (typeof name !== "string" || name === "") {
    return respond(400, { message: "the item needs a non-empty text 'name'" });
  }
  const id = String(Math.max(...[...ITEMS.keys()].map(Number)) + 1);
  ITEMS.set(id, { id, name });
  return respond(201, ITEMS.get(id));
};

export const handler = async (event) => {
  const { httpMethod: method, resource } = event;
  if (method === "GET" && resource === "/items/{id}") {
    const id = event.pathParameters?.id ?? "";
    const item = ITEMS.get(id);
    return item ? respond(200, item) : respond(404, { message: `item ${id} not found` });
  }
  if (method === "POST" && resource === "/items") return create(event.body);
  return respond(404, { message: `no route for ${method} ${resource}` });
};
