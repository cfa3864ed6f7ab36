import { McapIndexedReader, TempBuffer } from '@mcap/core'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  measurementRecordSchema,
  type MeasurementRecord,
} from '../../main/contract/measurementSchema'
import { MeasurementLog } from '../../main/measurements/MeasurementLog'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { SpatialService } from '../../main/services/SpatialService'
import { SYNTHETIC } from '../helpers/syntheticTabletop'

// The log channels through the real service: qa:ask appends, log:add/list/clear/export, and a
// restart (a new service on the same file) that loses nothing.

const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-log-service-'))
const logPath = join(scratch, 'measurements.jsonl')
const newService = () =>
  new SpatialService(new InlineSceneExecutor(), 'serve', {
    log: new MeasurementLog({ path: logPath }),
  })
let service = newService()
let sceneId = ''

const frame = {
  kind: 'rgbd' as const,
  name: 'tabletop, synthetic.png',
  colorFile: new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_640x480_color.png'))),
  depthFile: new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_640x480_depth.png'))),
  intrinsics: { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5, depthScale: 1000 },
}

async function ok<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const settled = await result
  if (!settled.ok) throw new Error(settled.error.message)
  return settled.value
}

beforeAll(async () => {
  process.env.SPATIAL_LENS_MODELS = mkdtempSync(join(tmpdir(), 'spatial-lens-models-'))
  const scene = await ok(
    service.handle('scene:analyze', {
      frame,
      regions: [
        { label: 'bottle', point: [330, 160] },
        { label: 'laptop', box: [120, 120, 260, 200] },
      ],
      perception: { detector: 'none' },
    }),
  )
  sceneId = scene.summary.sceneId
})
afterAll(async () => {
  await service.dispose()
  rmSync(scratch, { recursive: true, force: true })
})

describe('measurement log through the service', () => {
  let distance: MeasurementRecord

  it('logs every answered question with its frame, value, unit, provenance and ends', async () => {
    const before = Date.now()
    const answer = await ok(
      service.handle('qa:ask', { sceneId, question: 'how far is the bottle from the laptop' }),
    )
    const { records, warnings, location } = await ok(service.handle('log:list', {}))
    expect(location).toBe(logPath)
    expect(warnings).toEqual([])
    expect(records).toHaveLength(1)
    distance = records[0]
    expect(distance).toMatchObject({
      kind: 'answer',
      frame: { sceneId, name: 'tabletop, synthetic.png' },
      text: 'how far is the bottle from the laptop',
      objects: ['bottle', 'laptop'],
      value: { number: answer.value, unit: 'm' },
      answer: answer.text,
      provenance: answer.provenance,
    })
    // Stamped when it was answered: between the request and now.
    expect(Date.parse(distance.timeIso)).toBeGreaterThanOrEqual(before - 1)
    expect(Date.parse(distance.timeIso)).toBeLessThanOrEqual(Date.now())
    const segment = answer.geometry?.kind === 'segment' ? answer.geometry : null
    expect(distance.fromInWorldM).toEqual(segment?.fromInWorld)
    expect(distance.toInWorldM).toEqual(segment?.toInWorld)
  })

  it('logs yes/no answers without a value, and skips answers that measured nothing', async () => {
    await ok(service.handle('qa:ask', { sceneId, question: 'is the bottle left of the laptop' }))
    await ok(
      service.handle('qa:ask', { sceneId, question: 'how far is the zebra from the laptop' }),
    )
    const { records } = await ok(service.handle('log:list', {}))
    expect(records.map((record) => record.text)).toEqual([
      'how far is the bottle from the laptop',
      'is the bottle left of the laptop',
    ])
    expect(records[1].value).toBeNull()
    expect(records[1].answer).toMatch(/^(Yes|No)/)
  })

  it('log:add stores a viewer measurement with the scene provenance', async () => {
    const added = await ok(
      service.handle('log:add', {
        sceneId,
        text: 'bottle ↔ laptop',
        objects: ['bottle', 'laptop'],
        valueM: 0.25,
        fromInWorldM: [0, 0, 0],
        toInWorldM: [0.25, 0, 0],
      }),
    )
    expect(added).toMatchObject({
      kind: 'measurement',
      value: { number: 0.25, unit: 'm' },
      answer: '25 cm',
    })
    expect(added.provenance?.method).toMatch(/picked in the 3D view/)
    expect(Object.keys(added.provenance?.pointCounts ?? {}).sort()).toEqual(['bottle', 'laptop'])
    const { records } = await ok(service.handle('log:list', {}))
    expect(records.at(-1)).toEqual(added)
  })

  it('log:add rejects a half-given segment and a negative length, naming the field', async () => {
    const oneEnd = await service.handle('log:add', {
      sceneId,
      text: 'x',
      valueM: 1,
      fromInWorldM: [0, 0, 0],
    })
    expect(oneEnd.ok).toBe(false)
    if (!oneEnd.ok)
      expect(oneEnd.error).toMatchObject({
        field: 'toInWorldM',
        message: expect.stringMatching(/both ends/),
      })
    const negative = await service.handle('log:add', { sceneId, text: 'x', valueM: -1 })
    expect(negative.ok).toBe(false)
    if (!negative.ok) expect(negative.error.field).toBe('valueM')
  })

  it('a restart (a new service on the same file) loses nothing; a forgotten scene still logs', async () => {
    const before = (await ok(service.handle('log:list', {}))).records
    await service.dispose()
    service = newService()
    expect((await ok(service.handle('log:list', {}))).records).toEqual(before)
    const orphan = await ok(
      service.handle('log:add', { sceneId, text: 'after restart', valueM: 0.5 }),
    )
    expect(orphan.provenance).toBeNull()
    expect(orphan.frame.name).toMatch(/^unknown frame/)
    expect((await ok(service.handle('log:list', {}))).records).toHaveLength(before.length + 1)
  })

  it('exports CSV, JSON Lines and MCAP with every record', async () => {
    const { records } = await ok(service.handle('log:list', {}))
    const csv = await ok(service.handle('log:export', { format: 'csv' }))
    expect(csv.fileName).toMatch(/^spatial-lens-measurements-\d{8}-\d{6}\.csv$/)
    expect(csv.mimeType).toBe('text/csv')
    const csvText = new TextDecoder().decode(csv.bytes)
    expect(csvText.split('\r\n')[0]).toMatch(/^time,kind,frame,/)
    expect(csvText).toContain(`,${distance.value!.number},m,`)
    expect(csvText).toContain('"tabletop, synthetic.png"')

    const jsonl = await ok(service.handle('log:export', { format: 'jsonl' }))
    const lines = new TextDecoder().decode(jsonl.bytes).trim().split('\n')
    expect(lines.map((line) => measurementRecordSchema.parse(JSON.parse(line)))).toEqual(records)
    expect([csv.recordCount, jsonl.recordCount]).toEqual([lines.length, lines.length])

    const mcap = await ok(service.handle('log:export', { format: 'mcap' }))
    const reader = await McapIndexedReader.Initialize({ readable: new TempBuffer(mcap.bytes) })
    const read = []
    for await (const message of reader.readMessages())
      read.push(JSON.parse(new TextDecoder().decode(message.data)))
    expect(read).toEqual(records)
  })

  it('rejects an unknown export format by name', async () => {
    const result = await service.handle('log:export', { format: 'xlsx' })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.error).toMatchObject({
        field: 'format',
        message: expect.stringMatching(/^log:export: invalid format/),
      })
  })

  it('log:clear empties the log for this and any later service', async () => {
    const count = (await ok(service.handle('log:list', {}))).records.length
    expect(await ok(service.handle('log:clear', {}))).toEqual({ removedCount: count })
    expect((await ok(service.handle('log:list', {}))).records).toEqual([])
    expect((await ok(newService().handle('log:list', {}))).records).toEqual([])
  })
})
