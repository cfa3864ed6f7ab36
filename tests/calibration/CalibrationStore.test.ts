import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CalibrationStore } from '../../main/calibration/CalibrationStore'
import {
  calibrationFileName,
  nodeFileSystem,
  resolveCalibrationDirectory,
  type StoreFileSystem,
} from '../../main/calibration/calibrationFiles'
import type { DepthCalibration } from '../../main/engine/depth/types'

const calibration: DepthCalibration = {
  space: 'inverse-depth',
  scale: 0.00201,
  shift: 0.0998,
  method: 'rgbd-frame',
  residualRmsM: 0.018,
  residualRel: 0.011,
  pointCount: 48213,
  inlierCount: 43900,
}

let directory: string
let store: CalibrationStore
const fixedNow = () => new Date('2025-03-04T05:06:07.000Z')

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'spatial-lens-calibrations-'))
  store = new CalibrationStore({ directory, now: fixedNow })
})

afterEach(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe('CalibrationStore', () => {
  it('saves and reads back a calibration per camera and model', async () => {
    const saved = await store.save({
      cameraId: '/camera/color',
      modelId: 'depth-anything-v2-small',
      calibration,
      note: 'RealSense frame 12',
    })
    expect(saved.path).toBe(join(directory, calibrationFileName('/camera/color')))
    const lookup = await store.get('/camera/color', 'depth-anything-v2-small')
    expect(lookup).toEqual({
      status: 'found',
      calibration: {
        ...calibration,
        cameraId: '/camera/color',
        modelId: 'depth-anything-v2-small',
        createdAt: '2025-03-04T05:06:07.000Z',
        note: 'RealSense frame 12',
      },
    })
    expect(await store.get('/camera/color', 'metric3d-v2-vit-small')).toEqual({ status: 'missing' })
    expect(await store.get('usb:1', 'depth-anything-v2-small')).toEqual({ status: 'missing' })
  })

  it('keeps the other models of a camera when one is saved or removed', async () => {
    await store.save({ cameraId: 'cam', modelId: 'a', calibration })
    await store.save({
      cameraId: 'cam',
      modelId: 'b',
      calibration: { ...calibration, space: 'depth', scale: 1.1, shift: 0 },
    })
    await store.save({
      cameraId: 'cam',
      modelId: 'a',
      calibration: { ...calibration, scale: 0.003 },
    })
    expect((await store.list()).calibrations.map((c) => [c.modelId, c.scale])).toEqual([
      ['a', 0.003],
      ['b', 1.1],
    ])
    expect(await store.remove('cam', 'a')).toBe(true)
    expect(await store.remove('cam', 'a')).toBe(false)
    expect((await store.get('cam', 'b')).status).toBe('found')
  })

  it('stores residuals that could not be measured (NaN) as null and reads them back as NaN', async () => {
    await store.save({
      cameraId: 'cam',
      modelId: 'a',
      calibration: { ...calibration, residualRmsM: Number.NaN },
    })
    const text = await readFile(store.pathFor('cam'), 'utf8')
    expect(JSON.parse(text).calibrations.a.residualRmsM).toBeNull()
    const lookup = await store.get('cam', 'a')
    expect(lookup.status === 'found' && Number.isNaN(lookup.calibration.residualRmsM)).toBe(true)
  })

  it('gives distinct, safe file names to ids that differ only in punctuation', () => {
    const a = calibrationFileName('/camera/color')
    const b = calibrationFileName('_camera_color')
    expect(a).not.toBe(b)
    expect(a).toMatch(/^camera_color-[0-9a-f]{12}\.json$/)
    expect(calibrationFileName('..')).toMatch(/^camera-[0-9a-f]{12}\.json$/)
  })

  it('a corrupt file is a clear message for its camera only; the others stay readable', async () => {
    await store.save({ cameraId: 'good', modelId: 'a', calibration })
    await store.save({ cameraId: 'bad', modelId: 'a', calibration })
    await writeFile(store.pathFor('bad'), '{"schemaVersion": 1, "cameraId": "bad", "calib')
    const lookup = await store.get('bad', 'a')
    expect(lookup.status).toBe('unreadable')
    if (lookup.status !== 'unreadable') return
    expect(lookup.path).toBe(store.pathFor('bad'))
    expect(lookup.message).toContain(store.pathFor('bad'))
    expect(lookup.message).toMatch(
      /not valid JSON.*Fix or delete the file, or calibrate this camera again/,
    )
    expect((await store.get('good', 'a')).status).toBe('found')
    const listing = await store.list()
    expect(listing.calibrations.map((c) => c.cameraId)).toEqual(['good'])
    expect(listing.problems).toHaveLength(1)
    expect(await store.remove('bad', 'a')).toBe(false)
  })

  it('names the invalid field of a well-formed but wrong file', async () => {
    await store.save({ cameraId: 'cam', modelId: 'a', calibration })
    const file = JSON.parse(await readFile(store.pathFor('cam'), 'utf8'))
    file.calibrations.a.scale = -1
    await writeFile(store.pathFor('cam'), JSON.stringify(file))
    const lookup = await store.get('cam', 'a')
    expect(lookup.status === 'unreadable' && lookup.message).toMatch(/calibrations\.a\.scale/)
  })

  it('saving over a corrupt file moves it aside (nothing lost) and writes a fresh one', async () => {
    await mkdir(directory, { recursive: true })
    await writeFile(store.pathFor('cam'), 'garbage')
    const result = await store.save({ cameraId: 'cam', modelId: 'a', calibration })
    expect(result.movedAsidePath).toBe(`${store.pathFor('cam')}.corrupt-2025-03-04T05-06-07-000Z`)
    expect(await readFile(result.movedAsidePath!, 'utf8')).toBe('garbage')
    expect((await store.get('cam', 'a')).status).toBe('found')
    expect((await store.list()).problems).toEqual([])
  })

  it('refuses to save an invalid calibration', async () => {
    await expect(
      store.save({
        cameraId: 'cam',
        modelId: 'a',
        calibration: { ...calibration, scale: Number.NaN },
      }),
    ).rejects.toThrow(/scale/)
  })

  it('a failed write leaves the previous file intact and no temporary file behind', async () => {
    await store.save({ cameraId: 'cam', modelId: 'a', calibration })
    const before = await readFile(store.pathFor('cam'), 'utf8')
    const failing: StoreFileSystem = {
      ...nodeFileSystem,
      rename: async () => {
        throw Object.assign(new Error('EIO: simulated crash before rename'), { code: 'EIO' })
      },
    }
    const broken = new CalibrationStore({ directory, fileSystem: failing, now: fixedNow })
    await expect(broken.save({ cameraId: 'cam', modelId: 'b', calibration })).rejects.toThrow(
      /simulated crash/,
    )
    expect(await readFile(store.pathFor('cam'), 'utf8')).toBe(before)
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('a half-written temporary file (crash) does not disturb reading', async () => {
    await store.save({ cameraId: 'cam', modelId: 'a', calibration })
    await writeFile(`${store.pathFor('cam')}.999.1.tmp`, '{"schemaVer')
    expect((await store.get('cam', 'a')).status).toBe('found')
    expect((await store.list()).problems).toEqual([])
  })

  it('concurrent saves to one camera keep every entry', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.save({ cameraId: 'cam', modelId: `model-${i}`, calibration }),
      ),
    )
    expect((await store.list()).calibrations).toHaveLength(20)
  })

  it('an empty or absent directory lists nothing', async () => {
    const absent = new CalibrationStore({ directory: join(directory, 'nope') })
    expect(await absent.list()).toEqual({ calibrations: [], problems: [] })
    expect(await absent.get('cam', 'a')).toEqual({ status: 'missing' })
  })
})

describe('resolveCalibrationDirectory', () => {
  it('uses SPATIAL_LENS_HOME, else the platform config folder', () => {
    expect(resolveCalibrationDirectory({ SPATIAL_LENS_HOME: '/data/sl' }, 'linux', '/home/u')).toBe(
      '/data/sl/calibrations',
    )
    expect(resolveCalibrationDirectory({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/u')).toBe(
      '/cfg/spatial-lens/calibrations',
    )
    expect(resolveCalibrationDirectory({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/u')).toBe(
      '/home/u/.config/spatial-lens/calibrations',
    )
    expect(resolveCalibrationDirectory({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/spatial-lens/calibrations',
    )
  })
})
