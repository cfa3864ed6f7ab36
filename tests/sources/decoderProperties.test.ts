import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parsePcd, type PcdField } from '../../main/sources/pcd'
import { decodeDepthPng } from '../../main/sources/depthImage'
import { decodeColorImage } from '../../main/sources/colorImage'
import { pngDeclaredSize } from '../../main/sources/pixelLimit'
import { SourceError } from '../../main/sources/SourceError'
import { createRandom } from '../../main/engine/random'
import { buildPcd } from './pcdBuilder'
import { fixture } from './helpers'
import { craftPng } from '../helpers/craftedPng'

// Seeded property tests: each decoder is fed truncated, bit-flipped, spliced and header-mutated
// bytes. Every outcome must be a valid result or a SourceError (one clear line), never another
// exception, a crash or a hang (the test's time limit). Seeds are fixed, so a failure replays.

type Mutation = (bytes: Uint8Array, random: () => number) => Uint8Array
const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)]

const mutations: Mutation[] = [
  (bytes, random) => bytes.slice(0, Math.floor(random() * bytes.length)), // truncate
  (bytes, random) => {
    const out = bytes.slice()
    for (let k = 0; k < 1 + random() * 8; k++)
      out[Math.floor(random() * out.length)] ^= 1 << Math.floor(random() * 8)
    return out
  },
  (bytes, random) => {
    const out = bytes.slice()
    const at = Math.floor(random() * out.length)
    for (let k = at; k < Math.min(out.length, at + 16); k++) out[k] = Math.floor(random() * 256)
    return out
  },
  (_bytes, random) =>
    Uint8Array.from({ length: Math.floor(random() * 300) }, () => Math.floor(random() * 256)),
]

/** Replaces one number of the PCD header text with a hostile one (huge, negative, fractional, exponent). */
const headerNumber: Mutation = (bytes, random) => {
  const text = new TextDecoder('latin1').decode(bytes)
  const end = text.indexOf('DATA')
  const numbers = [...text.slice(0, end).matchAll(/\b\d+\b/g)]
  if (numbers.length === 0) return bytes
  const target = pick(numbers, random)
  const hostile = pick(
    ['1e10', '0', '-1', '4294967295', '1.5', '99999999999999999999', 'nan', '3'],
    random,
  )
  const mutated =
    text.slice(0, target.index) + hostile + text.slice(target.index! + target[0].length)
  return Uint8Array.from(mutated, (c) => c.charCodeAt(0) & 255)
}

/** Declares a huge cloud consistently (WIDTH × HEIGHT = POINTS), so only the size checks can refuse it. */
const hugeCloud: Mutation = (bytes, random) => {
  const points = pick(['10000000000', '3000000000', '4294967295'], random)
  const text = new TextDecoder('latin1')
    .decode(bytes)
    .replace(/WIDTH \d+/, `WIDTH ${points}`)
    .replace(/HEIGHT \d+/, 'HEIGHT 1')
    .replace(/POINTS \d+/, `POINTS ${points}`)
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 255)
}

function expectClearOutcome(run: () => unknown, check: (value: any) => void): void {
  let value: unknown
  try {
    value = run()
  } catch (error) {
    if (!(error instanceof SourceError))
      throw new Error(`not a SourceError: ${String(error)}`, { cause: error })
    expect(error.message).not.toMatch(/\n/)
    return
  }
  check(value)
}

const fields: PcdField[] = [
  { name: 'x', type: 'F', size: 4, count: 1 },
  { name: 'y', type: 'F', size: 4, count: 1 },
  { name: 'z', type: 'F', size: 4, count: 1 },
  { name: 'rgb', type: 'F', size: 4, count: 1 },
]
const rows = Array.from({ length: 12 }, (_, i) => [i * 0.1, -i * 0.05, 1 + i * 0.01, 0])

describe('parsePcd properties', () => {
  const bases = [
    buildPcd(fields, 4, 3, rows, 'ascii'),
    buildPcd(fields, 4, 3, rows, 'binary'),
    buildPcd(fields, 4, 3, rows, 'binary_compressed'),
    new Uint8Array(readFileSync(fixture('pcl-kinect/pcd/office1.pcd'))).subarray(0, 4096),
  ]

  it('any mutation of a valid file gives a valid cloud or a SourceError', () => {
    const random = createRandom(12)
    for (let i = 0; i < 1500; i++) {
      const bytes = pick([...mutations, headerNumber, headerNumber, hugeCloud], random)(
        pick(bases, random),
        random,
      )
      expectClearOutcome(
        () => parsePcd(bytes, 'fuzz.pcd', 1e12),
        (cloud) => {
          expect(cloud.pointsInCamera.length).toBe(cloud.width * cloud.height * 3)
          if (cloud.colors) expect(cloud.colors.length).toBe(cloud.width * cloud.height * 3)
        },
      )
    }
  })
})

describe('PNG decoders properties', () => {
  const depth = new Uint8Array(readFileSync(fixture('synthetic-tabletop/scene_320x240_depth.png')))
  const colour = new Uint8Array(readFileSync(fixture('synthetic-tabletop/scene_320x240_color.png')))
  const huge = craftPng(15000, 15000, { kind: 'depth16' })

  it('pngDeclaredSize reads the IHDR of any bytes without throwing', () => {
    expect(pngDeclaredSize(huge)).toEqual({ width: 15000, height: 15000 })
    expect(pngDeclaredSize(depth)).toEqual({ width: 320, height: 240 })
    const random = createRandom(7)
    for (let i = 0; i < 2000; i++) {
      const size = pngDeclaredSize(pick(mutations, random)(pick([depth, huge], random), random))
      if (size) expect(Number.isInteger(size.width) && Number.isInteger(size.height)).toBe(true)
    }
  })

  it('decodeDepthPng: a valid depth image or a SourceError', () => {
    const random = createRandom(99)
    for (let i = 0; i < 300; i++) {
      const bytes = pick(mutations, random)(pick([depth, huge], random), random)
      expectClearOutcome(
        () => decodeDepthPng(bytes, 'fuzz.png', 1000, 1_000_000),
        (image) => expect(image.data.length).toBe(image.width * image.height),
      )
    }
  })

  it('decodeColorImage: a valid image or a SourceError', async () => {
    const random = createRandom(5)
    for (let i = 0; i < 60; i++) {
      const bytes = pick(mutations, random)(pick([colour, huge], random), random)
      try {
        const image = await decodeColorImage(bytes, 'fuzz.png', 1_000_000)
        expect(image.data.length).toBe(image.width * image.height * 3)
      } catch (error) {
        expect(error).toBeInstanceOf(SourceError)
      }
    }
  })
})
