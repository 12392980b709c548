class ConfigError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ConfigError';
  }
}

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new ConfigError(`${name} is not set`);
  return value;
};

export const handler = async () => {
  const table = required('TABLE_NAME');
  const text = required('MAX_ITEMS');
  if (!/^\d+$/.test(text)) {
    throw new ConfigError(`MAX_ITEMS must be a whole number, got '${text}'`);
  }
  return { table, maxItems: Number(text), greeting: process.env.GREETING ?? 'Hello' };
};
