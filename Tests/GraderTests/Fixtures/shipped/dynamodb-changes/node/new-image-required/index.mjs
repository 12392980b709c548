// Plausible mistake: every record is assumed to have a NewImage, so a REMOVE crashes.
const plain = (typed) => {
  const [[kind, value]] = Object.entries(typed);
  if (kind === "N") return Number(value);
  if (kind === "NULL") return null;
  if (kind === "L") return value.map(plain);
  if (kind === "M") return image(value);
  return value;
};
const image = (attributes) =>
  Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, plain(v)]));

export const handler = async (event) => {
  const counts = { INSERT: 0, MODIFY: 0, REMOVE: 0 };
  const changes = event.Records.map((record) => {
    counts[record.eventName] += 1;
    const data = record.dynamodb;
    return {
      type: record.eventName,
      keys: image(data.Keys),
      old: data.OldImage ? image(data.OldImage) : null,
      new: image(data.NewImage),
    };
  });
  return { changes, counts };
};
