export const handler = async (event) => {
  const data = event.awslogs.data;
  // TODO: base64-decode, gunzip and parse the data, skip control messages,
  // and return the messages with the number that contain ERROR.
  return { messageType: null, messages: [data], errorCount: 0 };
};
