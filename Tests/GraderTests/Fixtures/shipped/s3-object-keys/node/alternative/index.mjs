// Written differently: a for-of loop, split/join for the plus signs.
export const handler = async (event) => {
  const objects = [];
  let totalBytes = 0;
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.split("+").join(" "));
    objects.push({ bucket: record.s3.bucket.name, key, size: record.s3.object.size });
    totalBytes += record.s3.object.size;
  }
  return { objects, totalBytes };
};
