/** mulberry32, the seeded PRNG the fixture and benchmark generators use too. */
export { mulberry32 } from '../../../scripts/lib/synthetic.mjs';

/** Standard normal draws by Box–Muller from a uniform source. */
export function normal(u: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}
