/**
 * Multi-object tracker over scenes: stable ids and names across frames, smoothed positions and sizes with their
 * uncertainty, birth and death with hysteresis. Pure TypeScript; one instance per camera stream.
 */

import type { Scene, SceneObject, Vec3 } from '../types'
import { associate, DEFAULT_ASSOCIATION, type AssociationOptions } from './associate'
import { kalmanPredict, kalmanStart, kalmanUpdate, type Kalman1d } from './kalman1d'

/** One tracked object. Positions world frame, metres; sigmas are one standard deviation, metres. */
export interface Track {
  id: number
  /** Name given at birth and kept for the track's life (unique among live tracks). */
  name: string
  label: string
  centerInWorld: Vec3
  centerSigmaM: Vec3
  sizeM: { width: number; depth: number; height: number }
  sizeSigmaM: { width: number; depth: number; height: number }
  /** Latest measured yaw (not filtered: boxes are symmetric under a quarter turn). */
  yawRad: number
  colorRgb: Vec3
  /** Frames matched in a row (birth hysteresis) and missed in a row (death hysteresis). */
  hits: number
  misses: number
  /** True once seen `confirmHits` frames in a row; confirmed tracks are what watch queries see. */
  isConfirmed: boolean
  /** The object matched in the latest frame, or null while coasting. */
  lastObject: SceneObject | null
}

export interface TrackerOptions {
  association: AssociationOptions
  /** Consecutive matches before a track is confirmed. */
  confirmHits: number
  /** Consecutive misses after which a confirmed track dies (tentative tracks die at the first miss). */
  maxMisses: number
  /** Process noise per frame, metres (how far a standing object may drift unseen between frames). */
  processSigmaM: number
  /** Measurement noise: base plus a fraction of the depth along the camera's z axis, metres. */
  measurementSigmaM: number
  measurementSigmaPerM: number
}

export const DEFAULT_TRACKER: TrackerOptions = {
  association: DEFAULT_ASSOCIATION,
  confirmHits: 2,
  maxMisses: 5,
  processSigmaM: 0.01,
  measurementSigmaM: 0.005,
  measurementSigmaPerM: 0.01,
}

interface TrackState {
  track: Track
  center: Kalman1d[]
  size: Kalman1d[]
}

const SIZE_KEYS = ['width', 'depth', 'height'] as const

function sizeArray(o: SceneObject): number[] {
  return SIZE_KEYS.map((k) => o.sizeM[k])
}

export class Tracker {
  private states: TrackState[] = []
  private nextId = 1
  private readonly options: TrackerOptions

  constructor(options: Partial<TrackerOptions> = {}) {
    this.options = { ...DEFAULT_TRACKER, ...options }
  }

  /** Live tracks (confirmed and tentative), oldest first. The returned objects are snapshots. */
  tracks(): Track[] {
    return this.states.map((s) => ({ ...s.track }))
  }

  /** Feeds one scene (objects in its world frame); returns the live tracks after the update. */
  update(scene: Scene): Track[] {
    const o = this.options
    const q = o.processSigmaM ** 2
    for (const s of this.states) {
      s.center = s.center.map((k) => kalmanPredict(k, q))
      s.size = s.size.map((k) => kalmanPredict(k, q))
    }
    const matches = associate(
      this.states.map((s) => s.track),
      scene.objects,
      o.association,
    )
    const matchedTracks = new Set(matches.map((m) => m.track))
    const matchedObjects = new Set(matches.map((m) => m.object))
    for (const m of matches) this.correct(this.states[m.track], scene.objects[m.object])
    this.states.forEach((s, i) => {
      if (matchedTracks.has(i)) return
      s.track.misses++
      s.track.hits = 0
      s.track.lastObject = null
    })
    this.states = this.states.filter(
      (s) => s.track.misses === 0 || (s.track.isConfirmed && s.track.misses <= o.maxMisses),
    )
    scene.objects.forEach((obj, i) => {
      if (!matchedObjects.has(i)) this.states.push(this.birth(obj))
    })
    return this.tracks()
  }

  private variance(obj: SceneObject): number {
    const depth = Math.abs(obj.centerInCamera[2])
    return (this.options.measurementSigmaM + this.options.measurementSigmaPerM * depth) ** 2
  }

  private correct(s: TrackState, obj: SceneObject): void {
    const r = this.variance(obj)
    s.center = s.center.map((k, i) => kalmanUpdate(k, obj.centerInWorld[i], r))
    const sizes = sizeArray(obj)
    s.size = s.size.map((k, i) => kalmanUpdate(k, sizes[i], r))
    const t = s.track
    t.hits++
    t.misses = 0
    if (t.hits >= this.options.confirmHits) t.isConfirmed = true
    t.yawRad = obj.yawRad
    t.colorRgb = obj.colorRgb
    t.lastObject = obj
    this.publish(s)
  }

  private birth(obj: SceneObject): TrackState {
    const r = this.variance(obj)
    const id = this.nextId++
    const taken = new Set(this.states.map((s) => s.track.name))
    const name = taken.has(obj.name) ? `${obj.name} ${id}` : obj.name
    const track: Track = {
      id,
      name,
      label: obj.label,
      centerInWorld: [...obj.centerInWorld],
      centerSigmaM: [0, 0, 0],
      sizeM: { ...obj.sizeM },
      sizeSigmaM: { width: 0, depth: 0, height: 0 },
      yawRad: obj.yawRad,
      colorRgb: obj.colorRgb,
      hits: 1,
      misses: 0,
      isConfirmed: this.options.confirmHits <= 1,
      lastObject: obj,
    }
    const s: TrackState = {
      track,
      center: obj.centerInWorld.map((v) => kalmanStart(v, r)),
      size: sizeArray(obj).map((v) => kalmanStart(v, r)),
    }
    this.publish(s)
    return s
  }

  private publish(s: TrackState): void {
    const t = s.track
    t.centerInWorld = [s.center[0].value, s.center[1].value, s.center[2].value]
    t.centerSigmaM = [
      Math.sqrt(s.center[0].variance),
      Math.sqrt(s.center[1].variance),
      Math.sqrt(s.center[2].variance),
    ]
    t.sizeM = { width: s.size[0].value, depth: s.size[1].value, height: s.size[2].value }
    t.sizeSigmaM = {
      width: Math.sqrt(s.size[0].variance),
      depth: Math.sqrt(s.size[1].variance),
      height: Math.sqrt(s.size[2].variance),
    }
  }
}
