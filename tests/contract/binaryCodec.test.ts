import { describe, expect, it } from 'vitest'
import { decodeMessage, encodeMessage } from '../../main/contract/binaryCodec'

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
