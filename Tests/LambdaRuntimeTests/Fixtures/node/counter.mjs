let count = 0;

export const handler = async (event) => {
  count += 1;
  if (event && event.sleep_ms) await new Promise((r) => setTimeout(r, event.sleep_ms));
  return { count, pid: process.pid, initType: process.env.AWS_LAMBDA_INITIALIZATION_TYPE };
};
