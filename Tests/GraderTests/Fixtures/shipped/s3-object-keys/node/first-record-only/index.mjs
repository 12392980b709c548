// Plausible mistake: decodes correctly but only reads the first record.
export const handler = async (event) => {
  const s3 = event.Records[0].s3;
  const key = decodeURIComponent(s3.object.key.replace(/\+/g, " "));
  return {
    objects: [{ bucket: s3.bucket.name, key, size: s3.object.size }],
    totalBytes: s3.object.size,
  };
};
