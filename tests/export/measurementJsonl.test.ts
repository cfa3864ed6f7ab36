import { describe, expect, it } from 'vitest'
import { measurementsToJsonl, parseMeasurementLine } from '../../main/export/measurementJsonl'
import {
  distanceAnswer,
  viewerMeasurement,
  yesNoAnswer,
  verdictRecord,
} from '../measurements/recordFixtures'

describe('measurementsToJsonl', () => {
  it('writes one record per line (newlines inside text stay escaped) and reads back equal', () => {
    const records = [distanceAnswer(), viewerMeasurement(), yesNoAnswer(), verdictRecord()]
    const text = measurementsToJsonl(records)
    const lines = text.split('\n')
    expect(lines).toHaveLength(5)
    expect(lines[4]).toBe('')
    expect(lines.slice(0, 4).map((line) => JSON.parse(line))).toEqual(records)
    expect(lines.slice(0, 4).map((line) => parseMeasurementLine(line))).toEqual(
      records.map((record) => ({ ok: true, record })),
    )
  })

  it('says why a line is not a record', () => {
    expect(parseMeasurementLine('{"id": "x", "timeI')).toEqual({ ok: false, reason: 'not JSON' })
    const { value: _value, ...noValue } = distanceAnswer()
    const result = parseMeasurementLine(JSON.stringify(noValue))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toMatch(/^invalid value:/)
    const badTime = parseMeasurementLine(
      JSON.stringify({ ...distanceAnswer(), timeIso: 'yesterday' }),
    )
    expect(badTime.ok).toBe(false)
    if (!badTime.ok) expect(badTime.reason).toMatch(/^invalid timeIso/)
  })

  it('an empty log is an empty file', () => {
    expect(measurementsToJsonl([])).toBe('')
  })
})
