import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runLogCommand } from '../../main/cli/logCommand'
import { measurementsToJsonl } from '../../main/export/measurementJsonl'
import { MeasurementLog } from '../../main/measurements/MeasurementLog'
import { SpatialService } from '../../main/services/SpatialService'
import { UserError } from '../../main/app/userError'
import { distanceAnswer, viewerMeasurement, yesNoAnswer } from '../measurements/recordFixtures'

// `spatial-lens log …` in process: each subcommand is a log:* channel call on the CLI's service, whose
// errors come back as the service's line.

const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-cli-log-service-'))
const records = [distanceAnswer(), viewerMeasurement(), yesNoAnswer()]
afterEach(() => vi.restoreAllMocks())
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A log file holding the three fixture records. */
function logWithRecords(name: string): MeasurementLog {
  const path = join(scratch, `${name}.jsonl`)
  writeFileSync(path, measurementsToJsonl(records))
  return new MeasurementLog({ path })
}

async function run(argv: string[], log: MeasurementLog) {
  const lines: string[] = []
  const warnings: string[] = []
  const handle = vi.spyOn(SpatialService.prototype, 'handle')
  try {
    const code = await runLogCommand(argv, (text) => lines.push(text), {
      log,
      warn: (text) => warnings.push(text),
    })
    const channels = handle.mock.calls.map(([channel]) => channel)
    return { code, out: lines.join('\n'), warnings, channels }
  } finally {
    handle.mockRestore()
  }
}

describe('spatial-lens log through the service', () => {
  it('list and list --json are log:list', async () => {
    const log = logWithRecords('list')
    const table = await run(['list'], log)
    expect(table).toMatchObject({ code: 0, channels: ['log:list'] })
    expect(table.out.split('\n').at(-1)).toBe(`3 measurement(s) in ${log.path}`)
    const json = await run(['list', '--json'], log)
    expect(json.channels).toEqual(['log:list'])
    expect(JSON.parse(json.out)).toEqual({ records, warnings: [], location: log.path })
  })

  it('export is one log:export: its file is written to --out and its record count printed', async () => {
    const log = logWithRecords('export')
    const out = join(scratch, 'export.jsonl')
    const result = await run(['export', '--format', 'jsonl', '--out', out], log)
    expect(result).toMatchObject({ code: 0, channels: ['log:export'] })
    expect(result.out).toBe(`exported 3 measurement(s) to ${out} (jsonl)`)
    const written = readFileSync(out, 'utf8').trim().split('\n')
    expect(written.map((line) => JSON.parse(line))).toEqual(records)
  })

  it('clear: log:list for the confirmation, then log:clear with --yes', async () => {
    const log = logWithRecords('clear')
    const refusal = run(['clear'], log)
    await expect(refusal).rejects.toThrow(
      `log clear removes all 3 measurement(s) from ${log.path}; run \`npx spatial-lens log clear --yes\` to confirm`,
    )
    await expect(refusal).rejects.toBeInstanceOf(UserError)
    expect(await log.all()).toHaveLength(3)

    const cleared = await run(['clear', '--yes'], log)
    expect(cleared).toMatchObject({ code: 0, channels: ['log:list', 'log:clear'] })
    expect(cleared.out).toBe(`removed 3 measurement(s) from ${log.path}`)
    expect(await log.all()).toEqual([])
  })

  it('a log the service cannot read is the service’s error, reported as ours (not the user’s)', async () => {
    // A folder where the log file should be: reading it fails inside log:list.
    const path = join(scratch, 'a-folder.jsonl')
    mkdirSync(path)
    const serviceErrors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const failure = runLogCommand(['list'], () => undefined, { log: new MeasurementLog({ path }) })
    await expect(failure).rejects.toThrow(/EISDIR/)
    await expect(failure).rejects.not.toBeInstanceOf(UserError)
    // The CLI's user reads one `error:` line (main.ts); the failure's details wait for SPATIAL_LENS_DEBUG=1.
    expect(serviceErrors).not.toHaveBeenCalled()
    vi.stubEnv('SPATIAL_LENS_DEBUG', '1')
    try {
      const debugged = runLogCommand(['list'], () => undefined, {
        log: new MeasurementLog({ path }),
      })
      await expect(debugged).rejects.toThrow(/EISDIR/)
      expect(serviceErrors).toHaveBeenCalledWith(
        '[spatial-lens] log:list failed:',
        expect.any(Error),
      )
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
