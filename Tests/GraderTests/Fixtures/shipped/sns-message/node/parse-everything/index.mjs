// Plausible mistake: every message goes through JSON.parse, so plain text crashes the handler.
export const handler = async (event) => {
  const sns = event.Records[0].Sns;
  return {
    topic: sns.TopicArn.split(":").pop(),
    subject: sns.Subject,
    priority: sns.MessageAttributes?.priority?.Value ?? null,
    message: JSON.parse(sns.Message),
  };
};
