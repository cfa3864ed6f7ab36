import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MeasurementLog } from '../../main/measurements/MeasurementLog'
import { MeasurementRecordTooLargeError } from '../../main/measurements/recordSize'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { distanceAnswer, viewerMeasurement } from './recordFixtures'

// The log's bounds, with small limits so the tests stay small: records cut or refused at the
// record limit, appends refused at the file limit, and a log with thousands of lines and an
// oversize line (what made list/export/clear fail forever with "Invalid string length") stays
// listable, exportable and clearable.

let directory: string
let path: string

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'spatial-lens-log-limits-'))
  path = join(directory, 'measurements.jsonl')
})
afterEach(() => rm(directory, { recursive: true, force: true }))

const limits = { maxLogRecordBytes: 4096, maxLogFileBytes: 64 * 1024, maxListedRecords: 100 }

describe('record size', () => {
  it('cuts a record over the limit: each long text keeps 2000 characters and says so', async () => {
    const log = new MeasurementLog({ path, limits })
    await log.append(distanceAnswer({ answer: 'x'.repeat(1_000_000) }))
    const [line] = (await readFile(path, 'utf8')).split('\n')
    expect(Buffer.byteLength(line) + 1).toBeLessThanOrEqual(4096)
    const [record] = (await log.list()).records
    expect(record.answer).toBe(`${'x'.repeat(2000)}… (truncated)`)
    expect(record.text).toBe(distanceAnswer().text) // short texts untouched
  })

  it('refuses a record that cannot be cut to fit, and writes nothing', async () => {
    const log = new MeasurementLog({ path, limits })
    const objects = Array.from({ length: 16 }, (_, i) => `${i}`.padEnd(1500, 'n'))
    await expect(log.append(viewerMeasurement({ objects }))).rejects.toThrow(
      MeasurementRecordTooLargeError,
    )
    await expect(log.append(viewerMeasurement({ objects }))).rejects.toThrow(
      /over the log's limit of 4096 bytes per record/,
    )
    await expect(stat(path)).rejects.toThrow(/ENOENT/)
  })

  it('log:add with 1 MB object names is refused by the contract, naming the field', async () => {
    const service = new SpatialService(new InlineSceneExecutor(), 'serve', {
      log: new MeasurementLog({ path }),
    })
    const result = await service.handle('log:add', {
      sceneId: 's',
      text: 'a ↔ b',
      objects: ['n'.repeat(1 << 20)],
      valueM: 1,
    })
    expect(result.ok ? null : result.error.field).toBe('objects.0')
    await expect(stat(path)).rejects.toThrow(/ENOENT/)
    await service.dispose()
  })
})

describe('file size', () => {
  it('refuses appends past the file limit with what to do; list, export and clear keep working', async () => {
    const log = new MeasurementLog({ path, limits: { ...limits, maxLogFileBytes: 8 * 1024 } })
    let saved = 0
    const refusals: string[] = []
    for (let i = 0; i < 100 && refusals.length === 0; i++) {
      await log.append(distanceAnswer({ id: `r${i}` })).then(
        () => saved++,
        (error: Error) => refusals.push(error.message),
      )
    }
    expect(refusals[0]).toMatch(/is full \(\d+ bytes; limit 8192\).*log export.*log clear --yes/)
    expect((await stat(path)).size).toBeLessThanOrEqual(8 * 1024)
    expect((await log.list()).records).toHaveLength(saved)
    expect(await log.all()).toHaveLength(saved)
    expect(await log.clear()).toEqual({ removedCount: saved })
    await log.append(distanceAnswer({ id: 'after' }))
    expect((await log.list()).records.map((r) => r.id)).toEqual(['after'])
  })
})

describe('a large existing log', () => {
  it('lists the newest records, exports all, skips an oversize line unread, and clears', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify(distanceAnswer({ id: `r${i}` })),
    )
    // A 3 MB line in the middle (like a 1 MB-name record of the old, unbounded log) and a hand edit.
    lines.splice(1500, 0, `{"id":"${'n'.repeat(3_000_000)}"}`, 'not json')
    await writeFile(path, `${lines.join('\n')}\n`)
    const log = new MeasurementLog({ path, limits })

    const listing = await log.list()
    expect(listing.records.map((r) => r.id)).toEqual(
      Array.from({ length: 100 }, (_, i) => `r${2900 + i}`),
    )
    expect(listing.warnings).toEqual([
      expect.stringMatching(
        /^Line 1501 of .* could not be read \(3000009 bytes, too long to read \(limit 16384\)\)/,
      ),
      expect.stringMatching(/^Line 1502 of .* could not be read \(not JSON\)/),
      '2900 older measurement(s) are not listed (the newest 100 are); export the log for all of them.',
    ])
    expect((await log.all()).map((r) => r.id)).toEqual(
      Array.from({ length: 3000 }, (_, i) => `r${i}`),
    )

    expect(await log.clear()).toEqual({ removedCount: 3001 })
    expect(await readFile(path, 'utf8')).toBe('not json\n') // the hand edit is kept, the oversize line is not
  })
})
