// async.js: promises, async functions, async generators and for await.

const sleep = (ms, value) => new Promise((resolve) => setTimeout(resolve, ms, value));

async function* countdown(from) {
  for (let i = from; i > 0; i--) {
    yield await sleep(10, i);
  }
}

async function main() {
  const results = await Promise.allSettled([
    sleep(20, "slow"),
    sleep(5, "fast"),
    Promise.reject(new TypeError("nope")),
  ]);
  for (const { status, value, reason } of results) {
    console.log(status, value ?? reason?.message);
  }

  const seen = [];
  for await (const n of countdown(3)) {
    seen.push(n);
  }
  console.log(seen.join(", "), "liftoff");

  try {
    await Promise.any([Promise.reject(new Error("a")), Promise.reject(new Error("b"))]);
  } catch (error) {
    console.log(error instanceof AggregateError, error.errors.map((e) => e.message));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
