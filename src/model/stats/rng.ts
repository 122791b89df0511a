/**
 * Seeded random numbers for the core (which never calls Math.random): the same seed gives the
 * same draws on every machine, so simulated prediction intervals are reproducible.
 */

/** A source of uniform draws in [0, 1). */
export type Uniform = () => number;

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, period 2³², good enough for
 * Monte-Carlo intervals of a few thousand paths. O(1) per draw.
 * @example mulberry32(1)() // 0.6270739405881613
 */
export function mulberry32(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by the Box–Muller transform of a uniform source. O(1) per draw. */
export function normalDraws(u: Uniform): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}
