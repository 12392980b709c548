import missing from 'lambdalings-module-that-does-not-exist';

export const handler = async () => missing;
