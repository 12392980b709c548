export const handler = async (event => {
  return 'missing parenthesis';
};
