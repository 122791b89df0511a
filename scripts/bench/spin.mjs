// The machine's parallelism floor for the bench: N threads sharing a fixed amount of pure
// floating-point work (dot products over a 32 KiB array that stays in L1, the shape of the
// engine's kernels), so 2 threads on 2 free cores take half the time of 1. Integer loops are no
// floor: on this VM they run as fast on both vCPUs while floating point runs ~1.5× slower on one
// of them (its host core is shared), and so does the engine.
import { Worker, isMainThread, workerData } from 'node:worker_threads';

const CHUNKS = 24;
const REPS = 40_000;
const spin = (chunks) => {
  const a = Float64Array.from({ length: 4096 }, (_, i) => Math.sin(i));
  let s = 0;
  for (let c = 0; c < chunks; c++) {
    for (let r = 0; r < REPS; r++) {
      let s0 = 0,
        s1 = 0;
      for (let i = 0; i < a.length; i += 2) {
        s0 += a[i] * a[i + 1];
        s1 += a[i + 1] * a[i];
      }
      s += s0 - s1;
    }
  }
  return s;
};
if (isMainThread) {
  const threads = Number(process.argv[2] ?? 2);
  await Promise.all(
    Array.from({ length: threads }, () => new Promise((r) => new Worker(new URL(import.meta.url), { workerData: CHUNKS / threads }).on('exit', r))),
  );
} else {
  spin(workerData);
}
