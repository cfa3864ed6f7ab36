import { describe, expect, it } from 'vitest'
import { decodeMessage, encodeMessage } from '../../main/contract/binaryCodec'
import {
  expectValueOrClearError,
  intBetween,
  mutate,
  pick,
  seeded,
  type Random,
} from '../helpers/fuzz'

describe('binary message codec', () => {
  it('round-trips nested typed arrays without turning them into JSON lists', () => {
    const positions = Float32Array.from([1.5, -2.25, 3, 4, 5, 6])
    const colors = Uint8Array.from([255, 0, 7])
    const ids = Int16Array.from([-1, 3])
    const message = {
      id: 7,
      value: { summary: { name: 'mug', big: 12n }, cloud: { positions, colors, ids } },
    }
    const bytes = encodeMessage(message)
    // The header holds references, not the numbers themselves.
    expect(new TextDecoder().decode(bytes)).not.toContain('-2.25')
    const decoded = decodeMessage(bytes) as any
    expect(decoded.id).toBe(7)
    expect(decoded.value.summary).toEqual({ name: 'mug', big: '12' })
    expect(decoded.value.cloud.positions).toBeInstanceOf(Float32Array)
    expect(Array.from(decoded.value.cloud.positions)).toEqual(Array.from(positions))
    expect(Array.from(decoded.value.cloud.colors)).toEqual([255, 0, 7])
    expect(Array.from(decoded.value.cloud.ids)).toEqual([-1, 3])
  })

  it('decodes from a sliced buffer (as sockets deliver them)', () => {
    const bytes = encodeMessage({ a: Float64Array.from([Math.PI]) })
    const padded = new Uint8Array(bytes.length + 3)
    padded.set(bytes, 3)
    const decoded = decodeMessage(padded.subarray(3)) as { a: Float64Array }
    expect(decoded.a[0]).toBe(Math.PI)
  })

  it('rejects truncated and malformed messages with an error, not a crash', () => {
    const bytes = encodeMessage({ a: Float32Array.from([1, 2, 3]) })
    expect(() => decodeMessage(bytes.subarray(0, bytes.length - 4))).toThrow(/truncated/)
    expect(() => decodeMessage(new Uint8Array([1]))).toThrow(/too short/)
    expect(() => decodeMessage(Uint8Array.from([200, 0, 0, 0, 123]))).toThrow(/truncated/)
  })
})

describe('binary message codec properties (seeded)', () => {
  const TYPED = [
    Float32Array,
    Float64Array,
    Uint8Array,
    Int16Array,
    Int32Array,
    Uint32Array,
    Uint16Array,
  ]
  const KEYS = ['a', 'id', 'value', 'é', '__proto__', 'constructor', 'x y', '']

  /** A random JSON-safe value with typed arrays inside (no NaN/−0/undefined: JSON cannot carry them). */
  function randomValue(random: Random, depth: number): unknown {
    const kind = intBetween(0, depth > 3 ? 4 : 6, random)
    switch (kind) {
      case 0:
        return intBetween(-1e6, 1e6, random) / pick([1, 7, 1024], random)
      case 1:
        return pick(['', 'mug', 'ünïcødé ✓', '"quoted"\n', '\u0000'], random)
      case 2:
        return pick([true, false, null], random)
      case 3:
      case 4: {
        const Type = pick(TYPED, random)
        const array = new Type(intBetween(0, 40, random))
        const bytes = new Uint8Array(array.buffer)
        for (let i = 0; i < bytes.length; i++) bytes[i] = intBetween(0, 255, random) // any bit pattern, NaNs too
        return array
      }
      case 5:
        return Array.from({ length: intBetween(0, 4, random) }, () =>
          randomValue(random, depth + 1),
        )
      default: {
        const out: Record<string, unknown> = {}
        for (let k = intBetween(0, 4, random); k > 0; k--)
          Object.defineProperty(out, pick(KEYS, random), {
            value: randomValue(random, depth + 1),
            enumerable: true,
            writable: true,
            configurable: true,
          })
        return out
      }
    }
  }

  /** Deep equality that compares typed arrays by type and bytes (NaN payloads included) and keeps own keys. */
  function expectSame(actual: unknown, expected: unknown): void {
    if (ArrayBuffer.isView(expected)) {
      expect(actual?.constructor).toBe(expected.constructor)
      const view = actual as ArrayBufferView
      expect(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)).toEqual(
        new Uint8Array(expected.buffer, expected.byteOffset, expected.byteLength),
      )
    } else if (Array.isArray(expected)) {
      expect(Array.isArray(actual)).toBe(true)
      expect((actual as unknown[]).length).toBe(expected.length)
      expected.forEach((item, i) => expectSame((actual as unknown[])[i], item))
    } else if (expected && typeof expected === 'object') {
      expect(Object.getPrototypeOf(actual)).toBe(Object.prototype)
      expect(Object.keys(actual as object)).toEqual(Object.keys(expected))
      for (const key of Object.keys(expected))
        expectSame(Object.getOwnPropertyDescriptor(actual, key)?.value, (expected as any)[key])
    } else {
      expect(actual).toBe(expected)
    }
  }

  it('round-trips 400 random messages exactly', () => {
    const random = seeded(2026)
    for (let i = 0; i < 400; i++) {
      const message = randomValue(random, 0)
      expectSame(decodeMessage(encodeMessage(message)), message)
    }
  })

  it('random truncations, bit flips, splices and noise give a value or an Error saying "message …"', () => {
    const random = seeded(404)
    const outcomes = { value: 0, error: 0 }
    for (let i = 0; i < 600; i++) {
      const bytes = mutate(encodeMessage(randomValue(random, 0)), random)
      outcomes[
        expectValueOrClearError(
          () => decodeMessage(bytes),
          () => undefined,
          Error,
          /^message /,
        )
      ]++
    }
    // Both outcomes occur: the mutations reach the header checks and leave some messages decodable.
    expect(outcomes.error).toBeGreaterThan(100)
    expect(outcomes.value).toBeGreaterThan(50)
  })

  /** A message with a hand-written header (the body and array list as given). */
  function withHeader(header: string, payloadBytes = 16): Uint8Array {
    const text = new TextEncoder().encode(header)
    const out = new Uint8Array(Math.ceil((4 + text.length) / 8) * 8 + payloadBytes)
    new DataView(out.buffer).setUint32(0, text.length, true)
    out.set(text, 4)
    return out
  }

  it('refuses hostile headers with a clear error (was: SyntaxError, TypeError, RangeError, stack overflow, silent reads)', () => {
    const cases: [string, RegExp][] = [
      ['{not json', /not valid JSON/],
      ['null', /not an object/],
      ['{"body":1,"arrays":5}', /no array list/],
      ['{"body":1,"arrays":[{"type":"toString","byteOffset":0,"length":1}]}', /unknown array type/],
      ['{"body":1,"arrays":[{"type":"Uint8Array","byteOffset":-8,"length":4}]}', /bad byte offset/],
      ['{"body":1,"arrays":[{"type":"Uint8Array","byteOffset":0,"length":-1}]}', /bad length/],
      ['{"body":1,"arrays":[{"type":"Float32Array","byteOffset":0,"length":1.5}]}', /bad length/],
      ['{"body":{"$typed":3},"arrays":[]}', /missing array/],
      [
        `{"body":${'['.repeat(20000)}${']'.repeat(20000)},"arrays":[]}`,
        /nests deeper than 1000 levels|not valid JSON/,
      ],
      [
        `{"body":${'{"a":'.repeat(1001)}1${'}'.repeat(1001)},"arrays":[]}`,
        /nests deeper than 1000 levels/,
      ],
    ]
    for (const [header, message] of cases)
      expect(() => decodeMessage(withHeader(header)), header).toThrow(message)
  })

  it('keeps a "__proto__" key as data instead of making it the prototype', () => {
    const decoded = decodeMessage(
      withHeader('{"body":{"__proto__":{"channel":"x"}},"arrays":[]}'),
    ) as any
    expect(decoded.channel).toBeUndefined()
    expect(Object.keys(decoded)).toEqual(['__proto__'])
  })
})
