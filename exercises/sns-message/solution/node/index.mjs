// The message as an object when it is a JSON object, else the text unchanged.
const parseObjectOrText = (text) => {
  try {
    const parsed = JSON.parse(text);
    const isObject = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed);
    return isObject ? parsed : text;
  } catch {
    return text;
  }
};

export const handler = async (event) => {
  const sns = event.Records[0].Sns;
  return {
    topic: sns.TopicArn.split(":").at(-1),
    subject: sns.Subject ?? null,
    priority: sns.MessageAttributes?.priority?.Value ?? null,
    message: parseObjectOrText(sns.Message),
  };
};
