// The machine's parallelism floor for the bench: N threads sharing a fixed amount of pure CPU
// work (chunks of 1e8 integer steps, so every thread runs the same int32 loop), so 2 threads on
// 2 free cores take half the time of 1. Another job holding a core shows here first.
import { Worker, isMainThread, workerData } from 'node:worker_threads';

const CHUNKS = 24;
const CHUNK = 1e8;
const spin = (chunks) => {
  let s = 0;
  for (let c = 0; c < chunks; c++) for (let i = 0; i < CHUNK; i++) s = (s + i) | 0;
  return s;
};
if (isMainThread) {
  const threads = Number(process.argv[2] ?? 2);
  await Promise.all(Array.from({ length: threads }, () => new Promise((r) => new Worker(new URL(import.meta.url), { workerData: CHUNKS / threads }).on('exit', r))));
} else {
  spin(workerData);
}
