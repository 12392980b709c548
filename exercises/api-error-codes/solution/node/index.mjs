const ROOMS = new Set(["blue", "green", "red"]);
const BOOKED = new Set(["blue 2026-03-01"]);

// Stores a booking and returns its id. Do not change.
const reserve = (room, date) => {
  if (room === "red") throw new Error("booking store unavailable (connection reset)");
  return `${room}-${date}`;
};

const respond = (statusCode, payload, headers = {}) => ({
  statusCode,
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(payload),
});

const parseObject = (body) => {
  try {
    const data = JSON.parse(body ?? "");
    return data !== null && typeof data === "object" && !Array.isArray(data) ? data : null;
  } catch {
    return null;
  }
};

export const handler = async (event) => {
  const data = parseObject(event.body);
  if (data === null) return respond(400, { error: "invalid_json" });
  for (const field of ["room", "date"]) {
    if (!data[field]) return respond(400, { error: "missing_field", field });
  }
  const { room, date } = data;
  if (!ROOMS.has(room)) return respond(404, { error: "unknown_room" });
  if (BOOKED.has(`${room} ${date}`)) return respond(409, { error: "already_booked" });
  let bookingId;
  try {
    bookingId = reserve(room, date);
  } catch (error) {
    // The details are for the operators' logs, not for the caller.
    console.log(`reserve failed for ${room} on ${date}: ${error.message}`);
    return respond(500, { error: "internal" });
  }
  return respond(201, { bookingId, room, date }, { Location: `/bookings/${bookingId}` });
};
