export const handler = async (event) => {
  const line = event.line;
  // TODO: split the REPORT line into its tab-separated fields and return each as a number;
  // initDurationMs is null without an Init Duration.
  const words = line.split(' ');
  return { requestId: words[2], durationMs: words[4] };
};
