import { afterAll, describe, expect, it } from 'vitest'
import { scanLogFile, type UnreadableLine } from '../../main/measurements/measurementLogFile'
import type { MeasurementRecord } from '../../main/contract/measurementSchema'
import { byteMutations, intBetween, pick, seeded, type Random } from '../helpers/fuzz'
import { makeTempDir } from '../sources/helpers'
import { distanceAnswer, viewerMeasurement, yesNoAnswer } from './recordFixtures'

// Seeded model-based property of the JSONL log reader: random files of records, garbage, damaged records, blank
// and oversize lines (up to 200 kB, so lines straddle the reader's 64 kB chunks), LF or CRLF, with or without a
// final newline. The expected records and unreadable lines come from the generator, not from the reader.

const temp = makeTempDir()
afterAll(() => temp.cleanup())

interface Expected {
  records: MeasurementRecord[]
  unreadable: { lineNumber: number; line: string | null }[]
}

function randomRecord(random: Random, n: number): MeasurementRecord {
  const base = pick([distanceAnswer, viewerMeasurement, yesNoAnswer], random)()
  const text = pick(['near ↔ far', 'a "quoted", comma', 'tab\there', '=cmd|x', 'ünï'], random)
  return { ...base, id: `r${n}`, text }
}

function randomLog(random: Random, maxLineBytes: number): { text: string; expected: Expected } {
  const expected: Expected = { records: [], unreadable: [] }
  const lines: string[] = []
  const count = intBetween(0, 40, random)
  for (let n = 1; n <= count; n++) {
    const kind = pick(
      ['record', 'record', 'record', 'garbage', 'damaged', 'blank', 'oversize'],
      random,
    )
    const crlf = random() < 0.3 ? '\r' : ''
    let line: string
    if (kind === 'record' || kind === 'damaged') {
      const record = randomRecord(random, n)
      line = JSON.stringify(record)
      if (kind === 'damaged') line = line.slice(0, intBetween(0, line.length - 1, random)) + '#'
      else if (Buffer.byteLength(line) + crlf.length <= maxLineBytes) expected.records.push(record)
    } else if (kind === 'garbage') {
      line = Array.from({ length: intBetween(1, 80, random) }, () =>
        String.fromCharCode(intBetween(33, 126, random)),
      ).join('')
    } else if (kind === 'blank') {
      line = ' '.repeat(intBetween(0, 3, random))
    } else {
      line = 'x'.repeat(maxLineBytes + intBetween(1, 200_000, random))
    }
    const bytes = Buffer.byteLength(line) + crlf.length
    const isBlank = line.trim() === ''
    const isRecordKept = kind === 'record' && bytes <= maxLineBytes
    if (!isBlank && !isRecordKept)
      expected.unreadable.push({ lineNumber: n, line: bytes > maxLineBytes ? null : line })
    lines.push(line + crlf)
  }
  const finalNewline = random() < 0.5 ? '\n' : ''
  return { text: lines.join('\n') + (lines.length ? finalNewline : ''), expected }
}

async function scan(path: string, maxLineBytes: number) {
  const records: MeasurementRecord[] = []
  const unreadable: UnreadableLine[] = []
  await scanLogFile(
    path,
    maxLineBytes,
    (r) => records.push(r),
    (u) => unreadable.push(u),
  )
  return { records, unreadable }
}

describe('measurement log reader properties (seeded)', () => {
  it('finds exactly the records and unreadable lines the generator wrote, in order', async () => {
    const random = seeded(91)
    for (let i = 0; i < 60; i++) {
      const maxLineBytes = intBetween(400, 6000, random)
      const { text, expected } = randomLog(random, maxLineBytes)
      const { records, unreadable } = await scan(temp.write(`log-${i}.jsonl`, text), maxLineBytes)
      expect(records).toEqual(expected.records)
      expect(unreadable.map(({ lineNumber, line }) => ({ lineNumber, line }))).toEqual(
        expected.unreadable,
      )
      for (const u of unreadable) expect(u.reason).not.toMatch(/\n/)
    }
  })

  it('damaged bytes of a real log give records and unreadable lines, never a throw', async () => {
    const random = seeded(92)
    let log = ''
    while (log.length < 2000) log = randomLog(random, 4096).text
    for (let i = 0; i < 100; i++) {
      const damaged = pick(Object.values(byteMutations), random)(
        new TextEncoder().encode(log),
        random,
      )
      const { records, unreadable } = await scan(temp.write(`damaged-${i}.jsonl`, damaged), 4096)
      for (const u of unreadable) expect(u.lineNumber).toBeGreaterThan(0)
      expect(records.length + unreadable.length).toBeLessThanOrEqual(damaged.length + 1)
    }
  })

  it('a line of exactly the limit is read; one byte more is not (CR counted)', async () => {
    const record = JSON.stringify(distanceAnswer())
    const limit = Buffer.byteLength(record) + 1 // the record plus its CR
    const text = `${record}\r\n${record}x\r\n`
    const { records, unreadable } = await scan(temp.write('edge.jsonl', text), limit)
    expect(records).toEqual([distanceAnswer()])
    expect(unreadable.map((u) => [u.lineNumber, u.line])).toEqual([[2, null]])
  })

  it('a missing file is an empty log', async () => {
    expect(await scan(`${temp.dir}/missing.jsonl`, 4096)).toEqual({ records: [], unreadable: [] })
  })
})
