// Plausible mistake: every client error is handled, but a failing store is left to throw, so
// the caller gets API Gateway's generic error instead of a 500 with a JSON body.
const ROOMS = new Set(["blue", "green", "red"]);
const BOOKED = new Set(["blue 2026-03-01"]);
const reserve = (room, date) => {
  if (room === "red") throw new Error("booking store unavailable (connection reset)");
  return `${room}-${date}`;
};
const respond = (statusCode, payload, headers = {}) => ({
  statusCode,
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(payload),
});

export const handler = async (event) => {
  let data;
  try {
    data = JSON.parse(event.body ?? "");
  } catch {
    return respond(400, { error: "invalid_json" });
  }
  for (const field of ["room", "date"]) {
    if (!data?.[field]) return respond(400, { error: "missing_field", field });
  }
  if (!ROOMS.has(data.room)) return respond(404, { error: "unknown_room" });
  if (BOOKED.has(`${data.room} ${data.date}`)) return respond(409, { error: "already_booked" });
  const bookingId = reserve(data.room, data.date);
  return respond(201, { bookingId, room: data.room, date: data.date }, {
    Location: `/bookings/${bookingId}`,
  });
};
