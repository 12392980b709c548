class ConfigError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const handler = async () => {
  // TODO: throw ConfigError when TABLE_NAME or MAX_ITEMS is missing or MAX_ITEMS is
  // not a whole number; GREETING defaults to "Hello".
  return {
    table: process.env.TABLE_NAME,
    maxItems: process.env.MAX_ITEMS,
    greeting: process.env.GREETING,
  };
};
