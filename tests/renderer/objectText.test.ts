import { describe, expect, it } from 'vitest'
import { sceneSummarySchema } from '../../main/contract/sceneSchema'
import { formatSizeRange } from '../../renderer/src/format'
import { formatConfidence, objectDetails } from '../../renderer/src/objectText'

// A scene summary as the service sends it, with the label check and the amodal box the engine adds:
// a SUN RGB-D-like night stand seen from the front (visible 41 × 11 × 68 cm, full 41 × 76 × 68 cm),
// and a 4 cm "chair" from 58 points, demoted. Parsed by the contract, so the fields are the real ones.
const summary = sceneSummarySchema.parse({
  sceneId: 's1',
  cameraId: 'file',
  timestampNs: '0',
  intrinsics: { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 },
  plane: null,
  worldFromCamera: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
  objects: [
    {
      id: 0,
      name: 'night stand',
      label: 'night stand',
      description: 'brown night stand',
      origin: 'region',
      regionSource: 'detector',
      centerInCamera: [0, 0, 2],
      centerInWorld: [0, 2, 0.34],
      sizeM: { width: 0.41, depth: 0.11, height: 0.68 },
      yawRad: 0,
      pointCount: 5200,
      colorRgb: [120, 80, 40],
      boxInImagePx: [10, 10, 100, 200],
      amodal: {
        centerInCamera: [0, 0, 2.3],
        centerInWorld: [0, 2.3, 0.34],
        sizeM: { width: 0.41, depth: 0.76, height: 0.68 },
        yawRad: 0,
        sizeIntervalM: { width: [0.41, 0.41], depth: [0.7, 0.82], height: [0.66, 0.7] },
        method: 'box faces + free-space carving',
      },
      labelCheck: {
        detectorLabel: 'night stand',
        confidence: 0.874,
        isPlausible: true,
        hasFewPoints: false,
      },
    },
    {
      id: 1,
      name: 'small grey object',
      label: 'object',
      description: 'small grey object',
      origin: 'region',
      regionSource: 'detector',
      centerInCamera: [0.3, 0, 2],
      centerInWorld: [0.3, 2, 0.05],
      sizeM: { width: 0.04, depth: 0.1, height: 0.04 },
      yawRad: 0,
      pointCount: 58,
      colorRgb: [128, 128, 128],
      boxInImagePx: [200, 10, 220, 30],
      labelCheck: {
        detectorLabel: 'chair',
        confidence: 0.41,
        isPlausible: false,
        hasFewPoints: true,
      },
    },
    {
      id: 2,
      name: 'red object',
      label: 'object',
      description: 'red object',
      origin: 'cluster',
      centerInCamera: [-0.3, 0, 2],
      centerInWorld: [-0.3, 2, 0.1],
      sizeM: { width: 0.3, depth: 0.2, height: 0.0254 },
      yawRad: 0,
      pointCount: 900,
      colorRgb: [200, 20, 20],
      boxInImagePx: null,
    },
  ],
  provenance: {
    depthSource: 'sensor',
    intrinsics: { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 },
    frameKind: 'support-plane',
    validPointCount: 1000,
    planeInlierCount: 500,
    depthNoiseRel: 0.01,
    planeThresholdAt1m: 0.01,
  },
  warnings: [],
  timingsMs: {},
  totalMs: 1,
})
const [stand, demoted, cluster] = summary.objects

describe('object panel texts', () => {
  it('shows the detector confidence as a whole percentage', () => {
    expect(objectDetails(stand, 'metric').confidence).toBe('87 %')
    expect(objectDetails(demoted, 'metric').confidence).toBe('41 %')
    expect(formatConfidence(1)).toBe('100 %')
  })

  it('shows the full box with its range and the visible box, in centimetres', () => {
    expect(objectDetails(stand, 'metric').size).toBe(
      'full ≈ 41 × 76 × 68 cm (range 41 × 70–82 × 66–70 cm) · visible 41 × 11 × 68 cm',
    )
    expect(objectDetails(stand, 'metric').sizeTitle).toContain('box faces + free-space carving')
    expect(objectDetails(stand, 'metric').sizeChunks).toEqual([
      'full ≈ 41 × 76 × 68 cm',
      '(range 41 × 70–82 × 66–70 cm)',
      '· visible 41 × 11 × 68 cm',
    ])
  })

  it('writes both sizes in inches when the user chose imperial units', () => {
    // 0.41 m = 16.14 in, 0.76 m = 29.92 in, 0.68 m = 26.77 in, 0.11 m = 4.33 in;
    // 0.70 m = 27.56 in, 0.82 m = 32.28 in, 0.66 m = 25.98 in.
    expect(objectDetails(stand, 'imperial').size).toBe(
      'full ≈ 16.1 × 29.9 × 26.8 in (range 16.1 × 27.6–32.3 × 26.0–27.6 in) · visible 16.1 × 4.3 × 26.8 in',
    )
  })

  it('shows only the visible size when there is no full-box estimate', () => {
    expect(objectDetails(cluster, 'metric').size).toBe('30 × 20 × 3 cm')
    expect(objectDetails(cluster, 'imperial').size).toBe('11.8 × 7.9 × 1.0 in')
  })

  it("keeps a demoted label's detector guess as a note and flags few points", () => {
    const details = objectDetails(demoted, 'metric')
    expect(details.labelNote).toBe('detector said "chair" (41 %)')
    expect(details.fewPoints).toBe('few points (58) for a chair')
    expect(objectDetails(stand, 'metric')).toMatchObject({ labelNote: null, fewPoints: null })
  })

  it("shows the engine's own note verbatim when it gives one", () => {
    const noted = {
      ...demoted,
      labelCheck: {
        ...demoted.labelCheck!,
        note: 'detector said "fire hydrant" (41 %), but 9 cm is too small for one',
      },
    }
    expect(objectDetails(noted, 'metric').labelNote).toBe(noted.labelCheck.note)
  })

  it('has no confidence or notes for objects without a label check (regions, clusters)', () => {
    expect(objectDetails(cluster, 'metric')).toMatchObject({
      confidence: null,
      labelNote: null,
      fewPoints: null,
    })
  })
})

describe('formatSizeRange', () => {
  it('writes each extent as low–high, once when both ends round alike', () => {
    const range = { width: [0.1, 0.104], depth: [0.2, 0.25], height: [0.0254, 0.0508] } as const
    expect(formatSizeRange(range)).toBe('10 × 20–25 × 3–5 cm')
    expect(formatSizeRange(range, 'imperial')).toBe('3.9–4.1 × 7.9–9.8 × 1.0–2.0 in')
  })
})
