// Stands in for a slow client: loading an SDK, opening a connection.
const makeReportClient = async () => {
  console.log('creating the report client');
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { run: (id) => ({ report: id, rows: 3 }) };
};

// TODO: only reports need this; create it on the first report instead of at start-up.
const client = await makeReportClient();

export const handler = async (event) => {
  if (event.action === 'ping') return { ok: true };
  if (event.action === 'report') return client.run(event.id);
  return { error: 'unknown action' };
};
