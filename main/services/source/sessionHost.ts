import { randomUUID } from 'node:crypto'
import type { Frame } from '../../engine/types'
import type { WatchEvent } from '../../engine/watch'
import type { PerceptionSettingsInput } from '../../contract/perceptionSettings'
import type { SourceFrameEvent, SourceStatusEvent } from '../../contract/sourceSchema'
import { recordFromMeasurement } from '../../measurements/measurementRecords'
import type { MeasurementRecord } from '../../contract/measurementSchema'
import type { SceneExecutor } from '../../workers/sceneExecutor'
import type { ServiceEvents } from '../ServiceEvents'
import type { SceneComputation } from '../../frames/analyzeFrame'
import { rawFrameInput } from '../../frames/frameLoader'

/** What a session needs from the service that hosts it. */
export interface SessionHost {
  /** Detection + scene for one frame (the scene worker). */
  analyze(
    frame: Frame,
    sceneId: string,
    perception?: PerceptionSettingsInput,
  ): Promise<SceneComputation>
  /** Keeps a processed frame's scene for questions (the owning client's scenes). */
  keep(sceneId: string, computation: SceneComputation, frameName: string): void
  emitFrame(event: SourceFrameEvent): void
  emitStatus(event: SourceStatusEvent): void
  /** A watch event worth a row in the measurement log (already rate-limited). */
  logWatch(sceneId: string, frameName: string, question: string, event: WatchEvent): void
}

/** What the service lends a client's source sessions. */
export interface SessionHostParts {
  executor: SceneExecutor
  events: ServiceEvents
  /** Keeps a processed frame's scene for the client (questions, measurements on it). */
  keep(sceneId: string, computation: SceneComputation, frameName: string): void
  /** Appends to the measurement log without failing the frame. */
  append(record: MeasurementRecord): Promise<void>
}

/**
 * A session host over the service's parts: frames are analysed by the scene worker (sent as raw
 * frames, no re-encoding), events go to every UI (each keeps its own session's), and logged watch
 * events become measurement-log rows.
 */
export function createSessionHost(parts: SessionHostParts): SessionHost {
  return {
    analyze: (frame, sceneId, perception) =>
      parts.executor.analyze(
        {
          frame: rawFrameInput(frame, frame.sourceDescription ?? frame.cameraId),
          regions: [],
          perception,
        },
        sceneId,
      ),
    keep: parts.keep,
    emitFrame: (event) => parts.events.emit('source:frame', event),
    emitStatus: (event) => parts.events.emit('source:status', event),
    logWatch: (sceneId, frameName, question, event) => {
      const record = watchRecord(sceneId, frameName, question, event)
      if (record) void parts.append(record)
    },
  }
}

const EVENT_WORDS: Record<Exclude<WatchEvent['type'], 'unavailable'>, string> = {
  value: 'watch',
  alert_entered: 'alert',
  alert_left: 'alert cleared',
}

/** The log row of a watch event; null for events without a length (unavailable, negative gaps). */
export function watchRecord(
  sceneId: string,
  frameName: string,
  question: string,
  event: WatchEvent,
): MeasurementRecord | null {
  if (event.type === 'unavailable' || !(event.valueM >= 0)) return null
  return recordFromMeasurement(
    {
      sceneId,
      text: `${EVENT_WORDS[event.type]}: ${question} (${event.text})`.slice(0, 500),
      objects: [],
      valueM: event.valueM,
    },
    { id: randomUUID(), timeIso: new Date().toISOString(), frame: { sceneId, name: frameName } },
    null,
  )
}
