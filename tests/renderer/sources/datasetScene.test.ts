/**
 * A dataset sample → the 3D viewer's input: the stored scene as a scene summary, the object points of its
 * sidecar, and the question's objects with the drawing for its question. Checked against the synthetic tabletop's
 * ground truth (gt JSON), not against the mapping itself.
 */
import { describe, expect, it } from 'vitest'
import { loadGroundTruth, sceneFromGroundTruth } from '../../engine/answers/sceneFromGroundTruth'
import { generateSamples } from '../../../main/synth/generateSamples'
import { synthSampleSchema, type SynthSample } from '../../../main/contract/synthSchema'
import { sceneResultSchema } from '../../../main/contract/channels'
import { datasetSceneView, parseSynthPoints } from '../../../renderer/src/sources/datasetScene'

const gt = loadGroundTruth('640x480')
const samples = generateSamples(
  sceneFromGroundTruth(gt),
  { jobId: 'fjob', image: 'images/fjob.png', frame: 'rgb/0001.png', points: '', seed: 7 },
  { minPoints: 0, requirePlane: true, minObjects: 2, maxPairs: 1000 },
).samples.map((sample) => synthSampleSchema.parse(JSON.parse(JSON.stringify(sample))))
const sampleOf = (type: string): SynthSample => samples.find((s) => s.question_type === type)!
const centreOf = (name: string) => gt.objects.find((o) => o.name === name)!.centre_world

describe('datasetSceneView', () => {
  it('gives the viewer every ground-truth box, the table plane and the camera pose of the frame', () => {
    const { scene } = datasetSceneView(sampleOf('distance'), null)
    const { summary } = scene
    expect(summary.objects.map((o) => o.name).sort()).toEqual(gt.objects.map((o) => o.name).sort())
    for (const object of summary.objects) {
      const truth = centreOf(object.name)
      object.centerInWorld.forEach((v, axis) => expect(v).toBeCloseTo(truth[axis], 9))
    }
    expect(summary.objects.map((o) => o.id)).toEqual(summary.objects.map((_, index) => index))
    const [a, b, c, d] = gt.table_plane_camera.coeffs
    expect(summary.plane).toEqual({ normal: [a, b, c], offset: d })
    // Camera centre in world = the gt translation (column 3 of world-from-camera, column-major).
    const t = gt.camera.t_world_from_camera
    expect(
      summary.worldFromCamera
        .slice(12, 15)
        .map((v, i) => v - t[i])
        .every((e) => Math.abs(e) < 1e-9),
    ).toBe(true)
    // Without a points sidecar: no points, and still a valid scene result for the viewer's contract.
    expect(scene.cloud.positionsInWorld.length).toBe(0)
    const image = { width: 1, height: 1, rgb: new Uint8Array(3), objectOfPixel: new Int16Array(1) }
    expect(sceneResultSchema.safeParse({ ...scene, image }).success).toBe(true)
  })

  it('draws a distance question as the segment between the two centres, as long as the ground truth says', () => {
    const sample = sampleOf('distance')
    const { answer } = datasetSceneView(sample, null)
    const [from, to] = sample.objects.map(centreOf)
    expect(answer.objects.map((o) => o.name).sort()).toEqual([...sample.objects].sort())
    expect(answer.geometry?.kind).toBe('segment')
    if (answer.geometry?.kind !== 'segment') return
    expect(answer.geometry.lengthM).toBeCloseTo(
      Math.hypot(to[0] - from[0], to[1] - from[1], to[2] - from[2]),
      6,
    )
    const ends = [answer.geometry.fromInWorld, answer.geometry.toInWorld]
    for (const centre of [from, to])
      expect(ends.some((end) => end.every((v, axis) => Math.abs(v - centre[axis]) < 1e-6))).toBe(
        true,
      )
  })

  it('draws a clock direction as an arrow with the ground-truth hour', () => {
    const sample = sampleOf('direction')
    const [a, b] = sample.objects.map(centreOf)
    const degrees = ((Math.atan2(b[0] - a[0], b[1] - a[1]) * 180) / Math.PI + 360) % 360
    const { answer } = datasetSceneView(sample, null)
    expect(answer.geometry).toMatchObject({
      kind: 'arrow',
      clockHour: Math.round(degrees / 30) % 12 || 12,
    })
  })

  it('highlights both objects of a yes/no question', () => {
    const sample = sampleOf('left')
    const { answer } = datasetSceneView(sample, null)
    expect(answer.objects.map((o) => o.name).sort()).toEqual([...sample.objects].sort())
    expect(sample.objects).toHaveLength(2)
  })

  it('colours each sidecar point like its object and tags it with the object id', () => {
    const sample = sampleOf('distance')
    const [first, second] = sample.scene.objects
    const points = {
      frame: 'world' as const,
      unit: 'metre' as const,
      objects: [
        { name: second.name, points: [1, 2, 3, 4, 5, 6] },
        { name: 'not in the scene', points: [7, 8, 9] },
        { name: first.name, points: [0.5, 0.25, 0.125] },
      ],
    }
    const { cloud } = datasetSceneView(sample, points).scene
    expect([...cloud.positionsInWorld]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 0.5, 0.25, 0.125])
    expect([...cloud.objectOfPoint]).toEqual([1, 1, -1, 0])
    expect([...cloud.colors]).toEqual([
      ...second.color_rgb,
      ...second.color_rgb,
      160,
      160,
      160,
      ...first.color_rgb,
    ])
  })
})

describe('parseSynthPoints', () => {
  it('reads a sidecar and names a file that is not one', () => {
    const text = '{"frame":"world","unit":"metre","objects":[{"name":"mug","points":[0,1,2]}]}'
    expect(parseSynthPoints(text, 'points/f1.json').objects[0].points).toEqual([0, 1, 2])
    expect(() => parseSynthPoints('{', 'points/f1.json')).toThrow('points/f1.json is not JSON')
    expect(() =>
      parseSynthPoints(
        '{"frame":"world","unit":"metre","objects":[{"name":"mug","points":[0,1]}]}',
        'points/f2.json',
      ),
    ).toThrow('points/f2.json is not a points file: xyz triples')
  })
})
