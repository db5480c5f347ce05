// Types of replay-quarter.mjs, for the TypeScript test that checks docs/replay.md's figures.
import type { ReplayCase, SupportPolicySpec } from '../../src/policy/index.js';

export function quarterOfReturns(count?: number, seed?: number): ReplayCase[];
export function withReturnWindow(spec: SupportPolicySpec, days: number, version?: string): SupportPolicySpec;
/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number;
