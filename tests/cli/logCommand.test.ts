import { McapIndexedReader, TempBuffer } from '@mcap/core'
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { measurementsToJsonl } from '../../main/export/measurementJsonl'
import { runCli } from '../helpers/runCli'
import { distanceAnswer, viewerMeasurement, yesNoAnswer } from '../measurements/recordFixtures'

// `spatial-lens log …` through the built CLI, on a log in a scratch SPATIAL_LENS_HOME.

const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-cli-log-'))
const home = join(scratch, 'home')
const logPath = join(home, 'measurements.jsonl')
const env = { ...process.env, SPATIAL_LENS_HOME: home }
const records = [distanceAnswer(), viewerMeasurement(), yesNoAnswer()]
const log = (...args: string[]) => runCli(['log', ...args], env)

beforeEach(() => {
  rmSync(home, { recursive: true, force: true })
  mkdirSync(home, { recursive: true })
  writeFileSync(logPath, measurementsToJsonl(records))
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('spatial-lens log', () => {
  it('list prints one row per record with value and unit, and where the log lives', () => {
    const run = log('list')
    expect(run.status).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^time\s+frame\s+kind\s+value\s+what$/)
    expect(lines[1]).toContain('2025-03-04T05:06:07.089Z')
    expect(lines[1]).toContain('0.4237 m')
    expect(lines[2]).toContain('left mug ↔ laptop, rim to edge')
    expect(lines.at(-1)).toBe(`3 measurement(s) in ${logPath}`)
  })

  it('list --json gives the records as stored, and warns on stderr about an unreadable line', () => {
    appendFileSync(logPath, '{"broken\n')
    const run = log('list', '--json')
    expect(run.status).toBe(0)
    const listing = JSON.parse(run.stdout)
    expect(listing.records).toEqual(records)
    expect(listing.location).toBe(logPath)
    expect(run.stderr).toMatch(/^warning: Line 4 of .* could not be read \(not JSON\)/)
  })

  it('export writes CSV, JSON Lines and MCAP files with every record', async () => {
    const out = (name: string) => join(scratch, name)
    expect(log('export', '--format', 'csv', '--out', out('log.csv')).stdout).toMatch(
      /exported 3 measurement\(s\) to .*log\.csv \(csv\)/,
    )
    const csv = readFileSync(out('log.csv'), 'utf8').split('\r\n')
    expect(csv[0]).toMatch(/^time,kind,frame,scene_id,text,objects,value,unit,/)
    expect(csv[1]).toContain(',0.4237,m,')

    expect(log('export', '--format', 'jsonl', '--out', out('log.jsonl')).status).toBe(0)
    const lines = readFileSync(out('log.jsonl'), 'utf8').trim().split('\n')
    expect(lines.map((line) => JSON.parse(line))).toEqual(records)

    expect(log('export', '--format', 'mcap', '--out', out('log.mcap')).status).toBe(0)
    const reader = await McapIndexedReader.Initialize({
      readable: new TempBuffer(readFileSync(out('log.mcap'))),
    })
    const read = []
    for await (const message of reader.readMessages())
      read.push(JSON.parse(new TextDecoder().decode(message.data)))
    expect(read).toEqual(records)
    expect(readdirSync(scratch).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('export refuses a missing or unknown format, a missing --out and a missing folder', () => {
    const noFormat = log('export', '--out', join(scratch, 'x.csv'))
    expect(noFormat.status).toBe(2)
    expect(noFormat.stderr).toMatch(/^error: log export needs --format csv, jsonl or mcap/)
    expect(log('export', '--format', 'xlsx', '--out', join(scratch, 'x')).stderr).toMatch(
      /\(got "xlsx"\)/,
    )
    expect(log('export', '--format', 'csv').stderr).toMatch(/needs --out FILE/)
    const noFolder = log('export', '--format', 'csv', '--out', join(scratch, 'nope', 'x.csv'))
    expect(noFolder.status).toBe(2)
    expect(noFolder.stderr).toMatch(/folder of --out does not exist/)
  })

  it('clear asks for --yes first, then removes every record', () => {
    const refused = log('clear')
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/removes all 3 measurement\(s\) .*--yes/)
    expect(JSON.parse(log('list', '--json').stdout).records).toHaveLength(3)
    const cleared = log('clear', '--yes')
    expect(cleared.status).toBe(0)
    expect(cleared.stdout).toMatch(/removed 3 measurement\(s\)/)
    expect(log('list').stdout).toMatch(/^no measurements yet/)
  })

  it('unknown subcommands and flags are one error line', () => {
    expect(log('delete').stderr).toMatch(/^error: unknown log command "delete"/)
    expect(log('list', '--bogus').stderr).toMatch(/^error: .*bogus.*see spatial-lens log help/)
    expect(log().stdout).toMatch(/spatial-lens log export --format csv\|jsonl\|mcap --out FILE/)
  })
})
