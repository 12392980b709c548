export const handler = async (event) => {
  return { statusCode: 200 ;
};
