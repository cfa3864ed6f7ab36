import { expect } from 'vitest'
import { createRandom } from '../../main/engine/random'

// Seeded property-test helpers: a deterministic PRNG (mulberry32, the engine's), value pickers and byte
// mutations. A failing case replays from its seed and iteration number; no new dependency.

export type Random = () => number

/** A seeded PRNG in [0, 1). */
export const seeded = (seed: number): Random => createRandom(seed)

export const pick = <T>(items: readonly T[], random: Random): T =>
  items[Math.floor(random() * items.length)]

/** A whole number in [low, high]. */
export const intBetween = (low: number, high: number, random: Random): number =>
  low + Math.floor(random() * (high - low + 1))

export type Mutation = (bytes: Uint8Array, random: Random) => Uint8Array

/** Truncation, bit flips, a random 16-byte splice, and pure noise. */
export const byteMutations: Record<string, Mutation> = {
  truncate: (bytes, random) => bytes.slice(0, Math.floor(random() * bytes.length)),
  flipBits: (bytes, random) => {
    const out = bytes.slice()
    if (out.length === 0) return out
    for (let k = 0; k < 1 + random() * 8; k++)
      out[Math.floor(random() * out.length)] ^= 1 << Math.floor(random() * 8)
    return out
  },
  splice: (bytes, random) => {
    const out = bytes.slice()
    const at = Math.floor(random() * out.length)
    for (let k = at; k < Math.min(out.length, at + 16); k++) out[k] = Math.floor(random() * 256)
    return out
  },
  noise: (_bytes, random) =>
    Uint8Array.from({ length: Math.floor(random() * 300) }, () => Math.floor(random() * 256)),
}

/** One mutation picked at random, applied to `bytes`. */
export function mutate(bytes: Uint8Array, random: Random): Uint8Array {
  return pick(Object.values(byteMutations), random)(bytes, random)
}

/**
 * Runs `run`: it must return (then `check` inspects the value) or throw a clear error — an instance of `errorClass`
 * (exactly that class when it is Error, so internal TypeError/RangeError crashes fail) with a one-line message
 * matching `message`.
 */
export function expectValueOrClearError<T>(
  run: () => T,
  check: (value: T) => void,
  errorClass: new (...args: any[]) => Error = Error,
  message: RegExp = /./,
): 'value' | 'error' {
  let value: T
  try {
    value = run()
  } catch (error) {
    assertClearError(error, errorClass, message)
    return 'error'
  }
  check(value)
  return 'value'
}

/** The async form of {@link expectValueOrClearError}. */
export async function expectValueOrClearErrorAsync<T>(
  run: () => Promise<T>,
  check: (value: T) => void,
  errorClass: new (...args: any[]) => Error = Error,
  message: RegExp = /./,
): Promise<'value' | 'error'> {
  let value: T
  try {
    value = await run()
  } catch (error) {
    assertClearError(error, errorClass, message)
    return 'error'
  }
  check(value)
  return 'value'
}

function assertClearError(
  error: unknown,
  errorClass: new (...args: any[]) => Error,
  message: RegExp,
) {
  const shown =
    error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)
  const isClass =
    errorClass === Error
      ? error instanceof Error && error.constructor === Error
      : error instanceof errorClass
  expect(isClass, `expected a clear ${errorClass.name}, got ${shown}`).toBe(true)
  expect((error as Error).message).toMatch(message)
  expect((error as Error).message).not.toMatch(/\n/)
}

/** Index of the first element where two arrays differ (−1 when equal; the shorter length when only lengths differ). */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return i
  return a.length === b.length ? -1 : n
}
