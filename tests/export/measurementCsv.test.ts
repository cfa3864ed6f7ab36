import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvField, measurementsToCsv } from '../../main/export/measurementCsv'
import { distanceAnswer, viewerMeasurement, yesNoAnswer } from '../measurements/recordFixtures'

/** A small RFC 4180 reader, independent of the writer: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let isQuoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (isQuoted && c === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (isQuoted && c === '"') {
      isQuoted = false
    } else if (isQuoted) {
      field += c
    } else if (c === '"') {
      isQuoted = true
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else {
      field += c
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record is not terminated by CRLF')
  return rows
}

describe('measurementsToCsv (RFC 4180)', () => {
  it('quotes commas, quotes and newlines and doubles the quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
    expect(csvField(' padded')).toBe('" padded"')
    expect(csvField('')).toBe('')
  })

  it('writes a header and one CRLF-terminated row per record that reads back to the same fields', () => {
    const records = [distanceAnswer(), viewerMeasurement(), yesNoAnswer()]
    const rows = parseCsv(measurementsToCsv(records))
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    expect(rows).toHaveLength(4)
    const column = (row: string[], name: (typeof CSV_COLUMNS)[number]) =>
      row[CSV_COLUMNS.indexOf(name)]
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length)

    const [, answer, measurement, yesNo] = rows
    expect(column(answer, 'time')).toBe('2025-03-04T05:06:07.089Z')
    expect(column(answer, 'frame')).toBe('kitchen, table "A".png')
    expect(column(answer, 'value')).toBe('0.4237')
    expect(column(answer, 'unit')).toBe('m')
    expect(column(answer, 'objects')).toBe('left mug; laptop')
    expect(column(answer, 'depth_source')).toBe('sensor')
    expect(column(answer, 'from_x_m')).toBe('0.1')
    expect(column(answer, 'to_z_m')).toBe('0.06')
    expect(Number(column(answer, 'to_x_m'))).toBe(-0.2)

    expect(column(measurement, 'text')).toBe('left mug ↔ laptop,\nrim to edge')
    expect(column(measurement, 'kind')).toBe('measurement')
    expect(column(measurement, 'depth_source')).toBe('')
    expect(column(measurement, 'from_x_m')).toBe('')

    expect(column(yesNo, 'value')).toBe('')
    expect(column(yesNo, 'unit')).toBe('')
    expect(column(yesNo, 'answer')).toBe('Yes, the left mug is left of the laptop.')
  })

  it('an empty log is the header alone', () => {
    expect(measurementsToCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`)
  })

  it('neutralises formula injection: a text cell starting with = + - @ tab or CR gets a leading apostrophe', () => {
    const hostile = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1']
    const record = viewerMeasurement({
      text: hostile[0],
      frame: { sceneId: 'scene-1', name: hostile[1] },
      objects: [hostile[2], 'mug'],
      answer: hostile[3],
      id: hostile[4],
      value: { number: -0.25, unit: hostile[5] },
      fromInWorldM: [-0.5, 0.1, 0],
      toInWorldM: [0.2, -0.3, 0],
    })
    const [, row] = parseCsv(measurementsToCsv([record]))
    const cell = (column: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(column)]
    expect(cell('text')).toBe("'=cmd|' /C calc'!A0")
    expect(cell('frame')).toBe("'+1+1")
    expect(cell('objects')).toBe("'-2+3; mug")
    expect(cell('answer')).toBe("'@SUM(A1:A2)")
    expect(cell('id')).toBe("'\t=1")
    expect(cell('unit')).toBe("'\r=1")
    // Numbers the exporter wrote stay numbers.
    expect([cell('value'), cell('from_x_m'), cell('to_y_m')]).toEqual(['-0.25', '-0.5', '-0.3'])
  })

  it('writes a verified statement with its verdict, confidence and every vote; other rows leave them empty', () => {
    const verdict = distanceAnswer({
      kind: 'verdict',
      text: 'the left mug is left of the laptop',
      value: null,
      fromInWorldM: undefined,
      toInWorldM: undefined,
      answer: 'True (71 %): the left mug is left of the laptop.',
      verdict: {
        value: 'true',
        confidence: 0.71,
        votes: [
          { voterId: 'geometry', verdict: 'true', weight: 0.6, reason: 'centre 30 cm to the left' },
          { voterId: 'language-prior', verdict: 'false', weight: 0.4, reason: 'prior, 55 %' },
          { voterId: 'vlm', verdict: 'abstain', weight: 0, reason: 'no yes/no' },
        ],
      },
    })
    const [, verdictRow, answerRow] = parseCsv(measurementsToCsv([verdict, distanceAnswer()]))
    const cell = (row: string[], column: (typeof CSV_COLUMNS)[number]) =>
      row[CSV_COLUMNS.indexOf(column)]
    expect(cell(verdictRow, 'kind')).toBe('verdict')
    expect(cell(verdictRow, 'verdict')).toBe('true')
    expect(cell(verdictRow, 'confidence')).toBe('0.71')
    expect(cell(verdictRow, 'votes')).toBe(
      'geometry: true (0.6); language-prior: false (0.4); vlm: abstain (0)',
    )
    expect(cell(verdictRow, 'value')).toBe('')
    expect([
      cell(answerRow, 'verdict'),
      cell(answerRow, 'confidence'),
      cell(answerRow, 'votes'),
    ]).toEqual(['', '', ''])
  })
})
