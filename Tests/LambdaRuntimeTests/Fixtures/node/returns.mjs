const KEYS = ['AWS_LAMBDA_FUNCTION_NAME', 'AWS_EXECUTION_ENV', '_HANDLER', 'TZ',
  'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_RUNTIME_API', 'GREETING'];

export const handler = async (event, context) => {
  console.log('hello from console.log');
  console.error('hello from console.error');
  return {
    event,
    requestId: context.awsRequestId,
    functionName: context.functionName,
    functionVersion: context.functionVersion,
    arn: context.invokedFunctionArn,
    memory: context.memoryLimitInMB,
    logGroup: context.logGroupName,
    remaining: context.getRemainingTimeInMillis(),
    cwd: process.cwd(),
    env: Object.fromEntries(KEYS.map((key) => [key, process.env[key] ?? null])),
  };
};
