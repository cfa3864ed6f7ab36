/**
 * Evaluates one watch query per frame on the tracked scene and turns the values into events: alerts entered and
 * left (with hysteresis so noise at the threshold does not flicker), logged values with a rate limit (a row when
 * the value changed by more than a threshold or an interval passed, never one per frame), and the measurement
 * becoming unavailable or available again. Pure TypeScript.
 */

import { runQuery } from '../questions'
import type { Scene } from '../types'
import type { WatchSpec } from './parseWatch'

/** What a watch emits. Values in metres; time in nanoseconds of the frame. */
export type WatchEvent =
  | {
      type: 'alert_entered' | 'alert_left'
      frameIndex: number
      timestampNs: bigint
      valueM: number
      text: string
    }
  | { type: 'value'; frameIndex: number; timestampNs: bigint; valueM: number; text: string }
  | { type: 'unavailable'; frameIndex: number; timestampNs: bigint; reason: string }

export interface WatchOptions {
  /** A log row when the value moved at least this far from the last logged value, metres. */
  minChangeM: number
  /** … or when this long passed since the last row, nanoseconds (0 = only on change). */
  minIntervalNs: bigint
  /** An alert is left only once the value is this far back across the threshold, metres. */
  hysteresisM: number
}

export const DEFAULT_WATCH: WatchOptions = {
  minChangeM: 0.005,
  minIntervalNs: 0n,
  hysteresisM: 0.005,
}

/** The current reading, shown live whether or not an event was emitted. */
export interface WatchReading {
  valueM: number | null
  text: string
  isAlerting: boolean
  events: WatchEvent[]
}

export class WatchEvaluator {
  private isAlerting = false
  private isAvailable = true
  private lastLogged: { valueM: number; timestampNs: bigint } | null = null
  private readonly options: WatchOptions

  constructor(
    readonly spec: WatchSpec,
    options: Partial<WatchOptions> = {},
  ) {
    this.options = { ...DEFAULT_WATCH, ...options }
  }

  /** Evaluates on one (tracked) scene; `frameIndex` and `timestampNs` label the events. */
  evaluate(scene: Scene, frameIndex: number, timestampNs: bigint): WatchReading {
    const answer = runQuery(scene, this.spec.measure, this.spec.query)
    const events: WatchEvent[] = []
    if (typeof answer.value !== 'number' || answer.unit !== 'm' || !Number.isFinite(answer.value)) {
      if (this.isAvailable)
        events.push({ type: 'unavailable', frameIndex, timestampNs, reason: answer.text })
      this.isAvailable = false
      return { valueM: null, text: answer.text, isAlerting: this.isAlerting, events }
    }
    this.isAvailable = true
    const valueM = answer.value
    if (this.spec.kind === 'alert')
      this.checkAlert(valueM, frameIndex, timestampNs, answer.text, events)
    this.checkLog(valueM, frameIndex, timestampNs, answer.text, events)
    return { valueM, text: answer.text, isAlerting: this.isAlerting, events }
  }

  private checkAlert(
    valueM: number,
    frameIndex: number,
    timestampNs: bigint,
    text: string,
    events: WatchEvent[],
  ): void {
    if (this.spec.kind !== 'alert') return
    const h = this.options.hysteresisM
    const t = this.spec.thresholdM
    const below = this.spec.comparison === 'below'
    const inside = below ? valueM <= t : valueM >= t
    const outside = below ? valueM > t + h : valueM < t - h
    if (!this.isAlerting && inside) {
      this.isAlerting = true
      events.push({ type: 'alert_entered', frameIndex, timestampNs, valueM, text })
    } else if (this.isAlerting && outside) {
      this.isAlerting = false
      events.push({ type: 'alert_left', frameIndex, timestampNs, valueM, text })
    }
  }

  private checkLog(
    valueM: number,
    frameIndex: number,
    timestampNs: bigint,
    text: string,
    events: WatchEvent[],
  ): void {
    const last = this.lastLogged
    const interval = this.options.minIntervalNs
    const isDue =
      last === null ||
      Math.abs(valueM - last.valueM) >= this.options.minChangeM ||
      (interval > 0n && timestampNs - last.timestampNs >= interval)
    if (!isDue) return
    this.lastLogged = { valueM, timestampNs }
    events.push({ type: 'value', frameIndex, timestampNs, valueM, text })
  }
}
