// Types for the parts of synthetic.mjs that TypeScript tests import.
/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number;
