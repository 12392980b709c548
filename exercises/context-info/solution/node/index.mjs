export const handler = async (event, context) => {
  const budget = event.budgetMs ?? 0;
  const remaining = context.getRemainingTimeInMillis();
  return {
    functionName: context.functionName,
    functionVersion: context.functionVersion,
    invokedFunctionArn: context.invokedFunctionArn,
    requestId: context.awsRequestId,
    // The runtime hands the memory limit over as text, e.g. "256".
    memoryLimitMB: Number(context.memoryLimitInMB),
    remainingMs: remaining,
    enoughTime: remaining >= budget,
  };
};
