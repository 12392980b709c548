const kindOf = (qualifier) => {
  if (qualifier === null) return 'unqualified';
  if (qualifier === '$LATEST') return 'latest';
  return /^\d+$/.test(qualifier) ? 'version' : 'alias';
};

export const handler = async (event, context) => {
  const parts = context.invokedFunctionArn.split(':');
  const qualifier = parts.length === 8 ? parts[7] : null;
  const kind = kindOf(qualifier);
  return { function: context.functionName, qualifier, kind, alias: kind === 'alias' ? qualifier : null };
};
