export const answer = 42;
await Promise.resolve(answer);
