const ORDERS = {
  "order-1": { id: "order-1", item: "book", quantity: 1, status: "open" },
  "order-2": { id: "order-2", item: "lamp", quantity: 2, status: "shipped" },
  "order-3": { id: "order-3", item: "pen", quantity: 10, status: "open" },
};

const respond = (statusCode, payload) => ({
  statusCode,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(payload),
});

// The body as an object, or null when it is missing, not JSON, or not an object.
const parseObject = (body) => {
  try {
    const data = JSON.parse(body ?? "");
    return data !== null && typeof data === "object" && !Array.isArray(data) ? data : null;
  } catch {
    return null;
  }
};

const routes = {
  "GET /orders": (event) => {
    const status = event.queryStringParameters?.status;
    const orders = Object.values(ORDERS).filter((o) => status === undefined || o.status === status);
    return respond(200, { orders });
  },
  "GET /orders/{id}": (event) => {
    const id = event.pathParameters.id;
    const order = ORDERS[id];
    return order ? respond(200, order) : respond(404, { error: `order ${id} not found` });
  },
  "POST /orders": (event) => {
    const data = parseObject(event.body);
    if (data === null) return respond(400, { error: "body must be a JSON object" });
    const id = `order-${Object.keys(ORDERS).length + 1}`;
    return respond(201, { id, item: data.item, quantity: data.quantity, status: "open" });
  },
};

export const handler = async (event) => {
  const route = routes[event.routeKey];
  return route ? route(event) : respond(404, { error: `no route ${event.routeKey}` });
};
