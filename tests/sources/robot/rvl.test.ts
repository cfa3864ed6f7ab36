import { describe, expect, it } from 'vitest'
import { decodeRvl, encodeRvl } from '../../../main/sources/robot/rvl'
import {
  firstDifference,
  expectValueOrClearError,
  intBetween,
  mutate,
  seeded,
  type Random,
} from '../../helpers/fuzz'

// Seeded properties of the RVL depth codec (compressed_depth_image_transport's lossless format).

/** Depth-like values: runs of holes (0) and of values that drift, jump, or hit the 16-bit ends. */
function randomDepth(random: Random): Uint16Array {
  const out = new Uint16Array(intBetween(0, 3000, random))
  let value = intBetween(1, 65535, random)
  for (let i = 0; i < out.length;) {
    const run = intBetween(1, 200, random)
    const isHole = random() < 0.3
    for (let k = 0; k < run && i < out.length; k++, i++) {
      if (!isHole) {
        value =
          random() < 0.05
            ? intBetween(1, 65535, random)
            : Math.min(65535, Math.max(1, value + intBetween(-40, 40, random)))
        out[i] = value
      }
    }
  }
  return out
}

describe('RVL properties (seeded)', () => {
  it('decode(encode(values)) gives the values back for 300 random depth rows', () => {
    const random = seeded(31)
    for (let i = 0; i < 300; i++) {
      const values = randomDepth(random)
      expect(firstDifference(decodeRvl(encodeRvl(values), values.length), values)).toBe(-1)
    }
  })

  it('damaged data or a wrong pixel count decodes to the right length or fails with an RVL error', () => {
    const random = seeded(32)
    const outcomes = { value: 0, error: 0 }
    for (let i = 0; i < 500; i++) {
      const values = randomDepth(random)
      const pixels = random() < 0.2 ? intBetween(0, values.length * 2 + 10, random) : values.length
      const bytes = mutate(encodeRvl(values), random)
      outcomes[
        expectValueOrClearError(
          () => decodeRvl(bytes, pixels),
          (decoded) => expect(decoded.length).toBe(pixels),
          Error,
          /^RVL /,
        )
      ]++
    }
    expect(outcomes.error).toBeGreaterThan(100)
    expect(outcomes.value).toBeGreaterThan(20)
  })
})
