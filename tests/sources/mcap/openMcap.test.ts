import { afterAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { listMcapTopics, openMcap } from '../../../main/sources/mcap/openMcap'
import { McapFrameSource } from '../../../main/sources/mcap/mcapFrameSource'
import { SourceError } from '../../../main/sources/SourceError'
import { byteMutations, expectValueOrClearErrorAsync, intBetween, seeded } from '../../helpers/fuzz'
import { makeTempDir } from '../helpers'

// Seeded properties of reading damaged MCAP recordings (real files from tests/fixtures/mcap): a truncated file is
// refused with one SourceError line; a file with damaged bytes either opens and streams (bad chunks reported and
// skipped) or is refused the same way. Never another exception, never a hang (the test's time limit).

const fixture = (name: string) =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../fixtures/mcap/${name}`, import.meta.url))),
  )
const temp = makeTempDir()
afterAll(() => temp.cleanup())

describe('openMcap on truncated recordings (seeded)', () => {
  it('every truncation of a real recording is refused with a one-line SourceError', async () => {
    const random = seeded(81)
    for (const name of ['rosbag2_talker.mcap', 'lichtblick_custom-camera-model.mcap']) {
      const bytes = fixture(name)
      for (let i = 0; i < 25; i++) {
        const length = i === 0 ? 0 : intBetween(1, bytes.length - 1, random)
        const path = temp.write(`cut-${i}.mcap`, bytes.subarray(0, length))
        const outcome = await expectValueOrClearErrorAsync(
          () => openMcap(path),
          () => undefined,
          SourceError,
          /cut-\d+\.mcap (is not an MCAP file|cannot be opened as an indexed MCAP)/,
        )
        // The summary and footer are at the end: no truncation can open.
        expect(outcome, `${name} cut at ${length} bytes`).toBe('error')
      }
    }
  })
})

describe('MCAP recordings with damaged bytes (seeded)', () => {
  it('open and stream to the end with errors counted, or are refused with a SourceError', async () => {
    const random = seeded(82)
    const original = fixture('lichtblick_custom-camera-model.mcap')
    const outcomes = { value: 0, error: 0 }
    for (let i = 0; i < 30; i++) {
      const damaged = (i % 2 === 0 ? byteMutations.flipBits : byteMutations.splice)(
        original,
        random,
      )
      const path = temp.write(`damaged-${i}.mcap`, damaged)
      outcomes[
        await expectValueOrClearErrorAsync(
          async () => {
            const source = await McapFrameSource.open(path, { colorTopic: '/image/compressed' })
            let frames = 0
            try {
              for await (const _frame of source) if (++frames > 10) break
            } finally {
              await source.close()
            }
            return { frames, stats: source.stats() }
          },
          ({ frames, stats }) => {
            // At most the 10 images of the file; a damaged chunk costs frames and is counted, not thrown.
            expect(frames).toBeLessThanOrEqual(10)
            expect(frames + stats.decodeErrors).toBeGreaterThan(0)
          },
          SourceError,
        )
      ]++
    }
    // Flips in image data leave the index intact: most damaged files still open.
    expect(outcomes.value).toBeGreaterThan(10)
  })

  it('the summary of every damaged talker recording is listed or refused, never thrown raw', async () => {
    const random = seeded(83)
    const original = fixture('rosbag2_talker.mcap')
    for (let i = 0; i < 40; i++) {
      const path = temp.write(`talker-${i}.mcap`, byteMutations.flipBits(original, random))
      await expectValueOrClearErrorAsync(
        async () => {
          const { reader, readable } = await openMcap(path)
          try {
            return await listMcapTopics(reader)
          } finally {
            await readable.close()
          }
        },
        (topics) => expect(topics.length).toBeLessThanOrEqual(3),
        SourceError,
      )
    }
  })
})
