import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { lzfCompress, lzfDecompress } from '../../main/sources/lzf'
import { SourceError } from '../../main/sources/SourceError'
import { expectSourceError, fixture } from './helpers'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

/** The LZF block of a real PCL binary_compressed file, with its stated sizes. */
function officeBlock(): { block: Uint8Array; uncompressedSize: number } {
  const file = new Uint8Array(readFileSync(fixture('pcl-kinect/pcd/office1.pcd')))
  const marker = bytes('DATA binary_compressed\n')
  const start = Buffer.from(file).indexOf(Buffer.from(marker)) + marker.length
  const sizes = new DataView(file.buffer, file.byteOffset + start, 8)
  const compressedSize = sizes.getUint32(0, true)
  return {
    block: file.subarray(start + 8, start + 8 + compressedSize),
    uncompressedSize: sizes.getUint32(4, true),
  }
}

describe('lzfDecompress', () => {
  it('decodes literal runs and overlapping back references (hand-made stream)', () => {
    // literal "abc" (ctrl 2), then copy 6 bytes from distance 3: ctrl (6-2)<<5 = 0x80, offset byte 3-1 = 2.
    const out = lzfDecompress(new Uint8Array([2, 97, 98, 99, 0x80, 2]), 9)
    expect(new TextDecoder().decode(out)).toBe('abcabcabc')
  })

  it('decodes the long-length form (length code 7 + extra byte)', () => {
    // literal "x", then copy 7+3+2 = 12 bytes from distance 1: ctrl 0xE0, extra 3, offset 0.
    const out = lzfDecompress(new Uint8Array([0, 120, 0xe0, 3, 0]), 13)
    expect(new TextDecoder().decode(out)).toBe('x'.repeat(13))
  })

  it('decompresses a real PCL block to its stated size', () => {
    const { block, uncompressedSize } = officeBlock()
    expect(lzfDecompress(block, uncompressedSize).length).toBe(640 * 480 * 16)
  })

  it('rejects corrupt streams with a SourceError naming the problem', async () => {
    await expectSourceError(
      () => lzfDecompress(new Uint8Array([0x20, 0x05]), 10, 'a.pcd'),
      /a\.pcd: corrupt LZF data \(back reference points before the start/,
    )
    await expectSourceError(
      () => lzfDecompress(new Uint8Array([5, 1, 2]), 6, 'b.pcd'),
      /corrupt LZF data \(literal run of 6 bytes passes the end/,
    )
    await expectSourceError(
      () => lzfDecompress(new Uint8Array([2, 1, 2, 3]), 2, 'c.pcd'),
      /output is longer than the stated size/,
    )
    await expectSourceError(
      () => lzfDecompress(new Uint8Array([2, 1, 2, 3]), 8, 'd.pcd'),
      /decompressed to 3 bytes but 8 were expected/,
    )
    await expectSourceError(
      () => lzfDecompress(new Uint8Array([0, 1, 0xe0]), 20, 'e.pcd'),
      /back reference is cut off/,
    )
    await expectSourceError(
      () => lzfDecompress(new Uint8Array([0, 1, 0x40]), 20, 'f.pcd'),
      /back reference is cut off/,
    )
    await expectSourceError(
      () => lzfDecompress(new Uint8Array([0, 1, 0xe0, 255, 0]), 20, 'g.pcd'),
      /output is longer/,
    )
  })

  it('never throws anything but SourceError, and always ends, on random or damaged input', () => {
    const { block, uncompressedSize } = officeBlock()
    let seed = 12345
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
    let failures = 0
    for (let trial = 0; trial < 400; trial++) {
      let input: Uint8Array
      if (trial % 2 === 0) {
        input = new Uint8Array(1 + Math.floor(random() * 300)).map(() => Math.floor(random() * 256))
      } else {
        input = block.slice(0, 4096)
        for (let k = 0; k < 4; k++)
          input[Math.floor(random() * input.length)] = Math.floor(random() * 256)
      }
      try {
        lzfDecompress(input, trial % 2 === 0 ? 1 + Math.floor(random() * 2000) : uncompressedSize)
      } catch (error) {
        if (!(error instanceof SourceError)) throw error
        failures++
      }
    }
    expect(failures).toBeGreaterThan(350)
  })
})

describe('lzfCompress', () => {
  it('round-trips empty, tiny, repetitive, random and real data', () => {
    let seed = 7
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
    const cases = [
      new Uint8Array(0),
      bytes('a'),
      bytes('ab'),
      bytes('abcabcabcabcabc'),
      new Uint8Array(100_000), // long zero runs: maximum-length references
      new Uint8Array(70_000).map(() => Math.floor(random() * 256)), // incompressible: literals only
      new Uint8Array(50_000).map((_, i) => ((i * 7) % 251) ^ (random() < 0.01 ? 1 : 0)),
    ]
    for (const data of cases) {
      const packed = lzfCompress(data)
      expect(Buffer.from(lzfDecompress(packed, data.length)).equals(Buffer.from(data))).toBe(true)
    }
    expect(lzfCompress(new Uint8Array(100_000)).length).toBeLessThan(1500)
    const { block, uncompressedSize } = officeBlock()
    const raw = lzfDecompress(block, uncompressedSize)
    const again = lzfCompress(raw)
    expect(again.length).toBeLessThan(raw.length * 0.6)
    expect(Buffer.from(lzfDecompress(again, raw.length)).equals(Buffer.from(raw))).toBe(true)
  })
})
