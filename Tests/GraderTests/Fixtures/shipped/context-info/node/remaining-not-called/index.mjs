// Plausible mistake: the remaining time is read as a field instead of calling the method.
export const handler = async (event, context) => ({
  functionName: context.functionName,
  functionVersion: context.functionVersion,
  invokedFunctionArn: context.invokedFunctionArn,
  requestId: context.awsRequestId,
  memoryLimitMB: parseInt(context.memoryLimitInMB, 10),
  remainingMs: context.getRemainingTimeInMillis,
  enoughTime: context.getRemainingTimeInMillis >= (event.budgetMs ?? 0),
});
