// Stands in for downloading an image and resizing it: holds `megabytes` of memory and takes
// `seconds`.
const makeThumbnail = async (megabytes, seconds) => {
  const image = Buffer.alloc(megabytes * 1024 * 1024, 1);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return Math.floor(image.length / 1024);
};

export const handler = async (event, context) => {
  const budgetMs = context.getRemainingTimeInMillis();
  const thumbnailKB = await makeThumbnail(event.megabytes, event.seconds);
  return { thumbnailKB, memoryMB: Number(context.memoryLimitInMB), budgetMs };
};
