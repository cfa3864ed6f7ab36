import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseIntrinsicsJson, parseIntrinsicsValue } from '../../main/sources/intrinsics'
import { expectSourceError, fixture } from './helpers'

const valid = { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 }
const json = (value: unknown): string => JSON.stringify(value)

describe('parseIntrinsicsJson', () => {
  it('reads every fixture intrinsics.json (extra keys such as notes allowed)', () => {
    const tum = parseIntrinsicsJson(
      readFileSync(fixture('tum-open3d/intrinsics.json'), 'utf8'),
      'tum.json',
    )
    expect(tum).toEqual({ intrinsics: valid, depthScale: 5000 })
    const sun = parseIntrinsicsJson(
      readFileSync(fixture('sunrgbd-mmdet3d/intrinsics.json'), 'utf8'),
      'sun.json',
    )
    expect(sun.intrinsics).toEqual({
      width: 730,
      height: 530,
      fx: 529.5,
      fy: 529.5,
      cx: 364,
      cy: 264,
    })
    const nyu = parseIntrinsicsJson(
      readFileSync(fixture('nyu-metric3d/intrinsics.json'), 'utf8'),
      'nyu.json',
    )
    expect(nyu.intrinsics.fy).toBe(519.46961)
    const pcl = parseIntrinsicsJson(
      readFileSync(fixture('pcl-kinect/intrinsics.json'), 'utf8'),
      'pcl.json',
    )
    expect(pcl.intrinsics.cx).toBe(320)
    // Only the Intrinsics fields come out: notes do not leak into the engine type.
    expect(Object.keys(pcl.intrinsics).sort()).toEqual(['cx', 'cy', 'fx', 'fy', 'height', 'width'])
  })

  it('leaves depthScale undefined when the file has none; accepts negative cx (a cropped image)', () => {
    const parsed = parseIntrinsicsJson(json({ ...valid, cx: -3 }), 'k.json')
    expect(parsed.depthScale).toBeUndefined()
    expect('depthScale' in parsed).toBe(false)
    expect(parsed.intrinsics.cx).toBe(-3)
  })

  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseIntrinsicsJson(`\uFEFF${json(valid)}`, 'bom.json').intrinsics).toEqual(valid)
  })

  it('names a missing field', async () => {
    const { fx: _fx, ...noFx } = valid
    await expectSourceError(
      () => parseIntrinsicsJson(json(noFx), 'K.json'),
      /^intrinsics K\.json: field fx is missing/,
      /add "fx"/,
    )
    const { height: _h, ...noHeight } = valid
    await expectSourceError(
      () => parseIntrinsicsJson(json(noHeight), 'K.json'),
      /field height is missing/,
    )
  })

  it('rejects non-numbers, ≤ 0 values and fractional sizes, naming the field', async () => {
    await expectSourceError(
      () => parseIntrinsicsJson(json({ ...valid, fx: '525' }), 'K.json'),
      /field fx must be a number \(got "525"\)/,
    )
    await expectSourceError(
      () => parseIntrinsicsJson(json({ ...valid, cy: null }), 'K.json'),
      /field cy must be a number \(got null\)/,
    )
    await expectSourceError(
      () => parseIntrinsicsJson(json({ ...valid, fy: 0 }), 'K.json'),
      /field fy must be > 0 \(got 0\)/,
    )
    await expectSourceError(
      () => parseIntrinsicsJson(json({ ...valid, width: -640 }), 'K.json'),
      /field width must be > 0/,
    )
    await expectSourceError(
      () => parseIntrinsicsJson(json({ ...valid, width: 640.5 }), 'K.json'),
      /field width must be a whole number \(got 640\.5\)/,
    )
    await expectSourceError(
      () => parseIntrinsicsJson(json({ ...valid, depthScale: 0 }), 'K.json'),
      /field depthScale must be > 0/,
    )
    await expectSourceError(
      () => parseIntrinsicsJson(json({ ...valid, depthScale: -5 }), 'K.json'),
      /field depthScale must be > 0/,
    )
    // JSON has no Infinity, but 1e999 parses to it.
    await expectSourceError(
      () =>
        parseIntrinsicsJson('{"width":640,"height":480,"fx":1e999,"fy":1,"cx":0,"cy":0}', 'K.json'),
      /field fx must be finite/,
    )
  })

  it('rejects invalid JSON and non-objects', async () => {
    await expectSourceError(
      () => parseIntrinsicsJson('{"width": 640,', 'K.json'),
      /^intrinsics K\.json is not valid JSON/,
      /expected \{"width"/,
    )
    await expectSourceError(
      () => parseIntrinsicsJson('', 'empty.json'),
      /empty\.json is not valid JSON/,
    )
    await expectSourceError(
      () => parseIntrinsicsJson('[525, 525, 320, 240]', 'K.json'),
      /K\.json must be a JSON object/,
    )
  })

  it('validates parsed objects the same way', async () => {
    expect(parseIntrinsicsValue(valid, 'upload').intrinsics).toEqual(valid)
    await expectSourceError(
      () => parseIntrinsicsValue({ ...valid, fx: Number.NaN }, 'upload'),
      /intrinsics upload: field fx must be finite/,
    )
  })
})

describe('intrinsics.json range rules (the CLI path)', () => {
  it.each([
    [
      'cx',
      1e308,
      /intrinsics K\.json: field cx must lie within -640 … 1280 px for a width of 640 px \(got 1e\+308\)/,
    ],
    ['fx', 1e-12, /intrinsics K\.json: field fx must give a field of view between 1° and 179°/],
    ['fy', 1e12, /field fy must give a field of view/],
    ['depthScale', 1e308, /field depthScale must be a finite number between 0\.001 and 1000000/],
  ])('%s = %s is refused, naming the field', async (field, value, message) => {
    await expectSourceError(
      () => parseIntrinsicsJson(json({ ...valid, [field]: value }), 'K.json'),
      message,
    )
  })
})
