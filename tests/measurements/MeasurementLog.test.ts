import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MeasurementLog, appendLinesDurable } from '../../main/measurements/MeasurementLog'
import { resolveMeasurementLogPath } from '../../main/measurements/measurementLogFile'
import { distanceAnswer, viewerMeasurement, yesNoAnswer } from './recordFixtures'

let directory: string
let path: string

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'spatial-lens-log-'))
  path = join(directory, 'nested', 'measurements.jsonl')
})
afterEach(() => rm(directory, { recursive: true, force: true }))

describe('MeasurementLog (JSON Lines on disk)', () => {
  it('starts empty without creating anything, and says where it lives', async () => {
    const log = new MeasurementLog({ path })
    expect(await log.list()).toEqual({ records: [], warnings: [], location: path })
    expect(await readdir(directory)).toEqual([])
  })

  it('appends records and a new instance (a restart) reads them all back in order', async () => {
    const first = new MeasurementLog({ path })
    await first.append(distanceAnswer())
    await first.append(viewerMeasurement())
    const restarted = new MeasurementLog({ path })
    await restarted.append(yesNoAnswer())
    expect((await new MeasurementLog({ path }).list()).records).toEqual([
      distanceAnswer(),
      viewerMeasurement(),
      yesNoAnswer(),
    ])
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(4)
  })

  it('concurrent appends keep every record', async () => {
    const log = new MeasurementLog({ path })
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => log.append(distanceAnswer({ id: `r${i}` }))),
    )
    const ids = (await log.list()).records.map((record) => record.id)
    expect(ids.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `r${i}`).sort())
  })

  it('skips a corrupt line with a warning naming it, keeps it in the file, and appends after it intact', async () => {
    const log = new MeasurementLog({ path })
    await log.append(distanceAnswer())
    // A crash cut the last append short: no newline at the end.
    await appendFile(path, '{"id":"cut-sho')
    const listed = await log.list()
    expect(listed.records).toEqual([distanceAnswer()])
    expect(listed.warnings).toHaveLength(1)
    expect(listed.warnings[0]).toContain(`Line 2 of ${path}`)
    expect(listed.warnings[0]).toMatch(/not JSON.*kept in the file/)

    await log.append(viewerMeasurement())
    const after = await log.list()
    expect(after.records).toEqual([distanceAnswer(), viewerMeasurement()])
    expect(after.warnings).toHaveLength(1)
    expect(await readFile(path, 'utf8')).toContain('{"id":"cut-sho\n')
  })

  it('a line that is JSON but not a record is reported with the field', async () => {
    await new MeasurementLog({ path }).append(distanceAnswer())
    await appendFile(path, `${JSON.stringify({ ...viewerMeasurement(), kind: 'guess' })}\n\n`)
    const listed = await new MeasurementLog({ path }).list()
    expect(listed.records).toHaveLength(1)
    expect(listed.warnings[0]).toMatch(/Line 2 .*invalid kind/)
  })

  it('clear removes the records, keeps unreadable lines, and the log goes on', async () => {
    const log = new MeasurementLog({ path })
    await log.append(distanceAnswer())
    await appendFile(path, 'not json at all\n')
    await log.append(viewerMeasurement())
    expect(await log.clear()).toEqual({ removedCount: 2 })
    expect(await readFile(path, 'utf8')).toBe('not json at all\n')
    expect((await log.list()).records).toEqual([])
    await log.append(yesNoAnswer())
    expect((await log.list()).records).toEqual([yesNoAnswer()])
    expect(
      (await readdir(join(directory, 'nested'))).filter((name) => name.endsWith('.tmp')),
    ).toEqual([])
  })

  it('clearing an empty log writes nothing', async () => {
    expect(await new MeasurementLog({ path }).clear()).toEqual({ removedCount: 0 })
    expect(await readdir(directory)).toEqual([])
  })

  it('a refused write keeps the record in memory, lists it with a warning, and saves it with the next append', async () => {
    let isDiskFull = false
    const appendLines = (target: string, text: string) =>
      isDiskFull
        ? Promise.reject(
            Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
          )
        : appendLinesDurable(target, text)
    const log = new MeasurementLog({ path, appendLines })
    await log.append(distanceAnswer())
    isDiskFull = true
    await expect(log.append(viewerMeasurement())).rejects.toThrow(
      /could not save the measurement log to .*ENOSPC.*1 measurement\(s\) are kept in memory/,
    )
    const listed = await log.list()
    expect(listed.records).toEqual([distanceAnswer(), viewerMeasurement()])
    expect(listed.warnings[0]).toMatch(/1 measurement\(s\) could not be saved .*ENOSPC/)
    isDiskFull = false
    await log.append(yesNoAnswer())
    const restarted = await new MeasurementLog({ path }).list()
    expect(restarted.records).toEqual([distanceAnswer(), viewerMeasurement(), yesNoAnswer()])
    expect(restarted.warnings).toEqual([])
  })

  it('refuses to store a record that breaks the schema', async () => {
    const log = new MeasurementLog({ path })
    await expect(log.append({ ...distanceAnswer(), timeIso: 'now' })).rejects.toThrow(/timeIso/)
  })

  it('reads CRLF files written by other tools', async () => {
    await new MeasurementLog({ path }).append(distanceAnswer())
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace('\n', '\r\n'))
    expect((await new MeasurementLog({ path }).list()).records).toEqual([distanceAnswer()])
  })
})

describe('resolveMeasurementLogPath', () => {
  it('uses SPATIAL_LENS_HOME, else the platform data folder', () => {
    expect(resolveMeasurementLogPath({ SPATIAL_LENS_HOME: '/data/sl' }, 'linux', '/home/u')).toBe(
      '/data/sl/measurements.jsonl',
    )
    expect(resolveMeasurementLogPath({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/u')).toBe(
      '/xdg/spatial-lens/measurements.jsonl',
    )
    expect(resolveMeasurementLogPath({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/u')).toBe(
      '/home/u/.local/share/spatial-lens/measurements.jsonl',
    )
    expect(resolveMeasurementLogPath({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/spatial-lens/measurements.jsonl',
    )
  })
})
