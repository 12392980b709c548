// One DynamoDB typed value, such as {"N": "19.90"}, as a plain value.
const plain = (typed) => {
  const [[kind, value]] = Object.entries(typed);
  switch (kind) {
    case "S":
    case "BOOL":
      return value;
    case "N":
      return Number(value);
    case "NULL":
      return null;
    case "L":
      return value.map(plain);
    case "M":
      return image(value);
    default:
      throw new Error(`unsupported attribute type ${kind}`);
  }
};

const image = (attributes) =>
  attributes === undefined
    ? null
    : Object.fromEntries(Object.entries(attributes).map(([name, v]) => [name, plain(v)]));

export const handler = async (event) => {
  const counts = { INSERT: 0, MODIFY: 0, REMOVE: 0 };
  const changes = event.Records.map((record) => {
    counts[record.eventName] += 1;
    return {
      type: record.eventName,
      keys: image(record.dynamodb.Keys),
      old: image(record.dynamodb.OldImage),
      new: image(record.dynamodb.NewImage),
    };
  });
  return { changes, counts };
};
