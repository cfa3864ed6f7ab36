import { describe, expect, it } from 'vitest'
import { LIMIT_DEFAULTS, readLimits } from '../../main/app/limits'

describe('readLimits (one place for every data-path limit)', () => {
  it('gives the documented defaults with an empty environment', () => {
    expect(readLimits({})).toEqual({
      maxImagePixels: 40_000_000,
      maxCloudPoints: 40_000_000,
      analysisTimeoutMs: 120_000,
      sceneWorkers: 2,
      sceneCacheBytes: 1_073_741_824,
      maxLogRecordBytes: 65_536,
      maxLogFileBytes: 268_435_456,
      maxListedRecords: 10_000,
    })
  })

  it('reads each from its SPATIAL_LENS_ variable', () => {
    const env = {
      SPATIAL_LENS_MAX_IMAGE_PIXELS: '1000',
      SPATIAL_LENS_SCENE_WORKERS: ' 3 ',
      SPATIAL_LENS_ANALYSIS_TIMEOUT_MS: '',
    }
    expect(readLimits(env)).toMatchObject({
      maxImagePixels: 1000,
      sceneWorkers: 3,
      analysisTimeoutMs: 120_000,
    })
    expect(
      Object.values(LIMIT_DEFAULTS).every((limit) => limit.env.startsWith('SPATIAL_LENS_')),
    ).toBe(true)
  })

  it.each([
    ['SPATIAL_LENS_MAX_IMAGE_PIXELS', '40MP'],
    ['SPATIAL_LENS_MAX_IMAGE_PIXELS', '1e400'],
    ['SPATIAL_LENS_SCENE_WORKERS', '1'],
    ['SPATIAL_LENS_MAX_LOG_RECORD_BYTES', '-5'],
    ['SPATIAL_LENS_ANALYSIS_TIMEOUT_MS', '2.5'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => readLimits({ [name]: value })).toThrow(
      new RegExp(`^${name} must be a whole number ≥ \\d+ \\(got "${value.replace('.', '\\.')}"\\)`),
    )
  })
})
