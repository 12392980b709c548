export const handler = async (event) => null;
