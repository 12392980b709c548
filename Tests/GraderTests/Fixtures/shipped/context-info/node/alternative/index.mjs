// Written differently: destructuring and a unary plus for the number.
export const handler = async ({ budgetMs = 0 }, context) => {
  const { functionName, functionVersion, invokedFunctionArn, awsRequestId } = context;
  const remainingMs = context.getRemainingTimeInMillis();
  return {
    functionName,
    functionVersion,
    invokedFunctionArn,
    requestId: awsRequestId,
    memoryLimitMB: +context.memoryLimitInMB,
    remainingMs,
    enoughTime: !(remainingMs < budgetMs),
  };
};
