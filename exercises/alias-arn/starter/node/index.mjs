export const handler = async (event, context) => {
  const arn = context.invokedFunctionArn;
  // TODO: find the qualifier (the 8th part of the ARN, if any) and what kind it is.
  return { function: context.functionName, qualifier: arn.split(':').pop(), kind: 'alias', alias: null };
};
