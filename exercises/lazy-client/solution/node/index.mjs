// Stands in for a slow client: loading an SDK, opening a connection.
const makeReportClient = async () => {
  console.log('creating the report client');
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { run: (id) => ({ report: id, rows: 3 }) };
};

let client;
const getClient = async () => {
  client ??= await makeReportClient();
  return client;
};

export const handler = async (event) => {
  if (event.action === 'ping') return { ok: true };
  if (event.action === 'report') return (await getClient()).run(event.id);
  return { error: 'unknown action' };
};
