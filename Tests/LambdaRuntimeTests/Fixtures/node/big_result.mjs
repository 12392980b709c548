export const handler = async () => 'x'.repeat(7 * 1024 * 1024);
