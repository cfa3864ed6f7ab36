import { randomUUID } from 'node:crypto'
import type { Scene } from '../engine/types'
import { answerQuestion } from '../engine/answers/answerQuestion'
import {
  contract,
  describeValidationError,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type ErrorReply,
} from '../contract/channels'
import type { SceneExecutor } from './sceneExecutor'
import { isUserError, userFacingMessage } from './userError'
import { appVersion } from './appVersion'
import { MeasurementLog } from '../measurements/MeasurementLog'
import { recordFromAnswer, recordFromMeasurement, type RecordStamp } from '../measurements/measurementRecords'
import { exportMeasurements } from '../export/exportMeasurements'
import { buildProvenance } from '../engine/answers/format'
import { answerSchema, type AnswerJson } from '../contract/answerSchema'

/** What one handled request gives back: the validated output, or one user-facing error line. */
export type HandleResult<C extends Channel> = { ok: true; value: ChannelOutput<C> } | { ok: false; error: ErrorReply }

/** Scenes kept for follow-up questions; older ones are dropped first. */
const MAX_KEPT_SCENES = 16

/** The embedded sample's short name (app:info, and the frame name in the measurement log). */
const SAMPLE_NAME = 'PCL Kinect laptop'

export interface SpatialServiceOptions {
  /** Default: the log in $SPATIAL_LENS_HOME or the per-user data folder. */
  log?: MeasurementLog
}

interface KeptScene {
  scene: Scene
  /** The frame's name as the user gave it (file name), for the measurement log. */
  frameName: string
}

/**
 * The services behind every host (Electron IPC, `serve` WebSocket, CLI): one handler per contract
 * channel. Input is parsed against the contract on arrival and output before it leaves, so a host
 * only moves bytes.
 */
export class SpatialService {
  private readonly scenes = new Map<string, KeptScene>()
  readonly log: MeasurementLog

  constructor(
    private readonly executor: SceneExecutor,
    private readonly host: 'electron' | 'serve',
    options: SpatialServiceOptions = {},
  ) {
    this.log = options.log ?? new MeasurementLog()
  }

  async handle<C extends Channel>(channel: C, rawInput: unknown): Promise<HandleResult<C>> {
    const spec = contract[channel]
    if (!spec) return { ok: false, error: { message: `unknown channel "${String(channel)}"` } }
    const parsed = spec.input.safeParse(rawInput)
    if (!parsed.success) return { ok: false, error: describeValidationError(channel, parsed.error) }
    try {
      const output = spec.output.safeParse(await this.run(channel, parsed.data as ChannelInput<C>))
      if (output.success) return { ok: true, value: output.data as ChannelOutput<C> }
      // Our own reply broke the contract: a bug, reported as such (never passed on half-valid).
      console.error(`[spatial-lens] ${channel} produced an invalid reply:`, output.error.issues)
      const { message, field } = describeValidationError(channel, output.error)
      return { ok: false, error: { message: `${message} (in the service's reply: this is a bug in Spatial Lens)`, field } }
    } catch (error) {
      if (!isUserError(error)) console.error(`[spatial-lens] ${channel} failed:`, error)
      return { ok: false, error: { message: userFacingMessage(error) } }
    }
  }

  private async run(channel: Channel, input: any): Promise<unknown> {
    switch (channel) {
      case 'app:info':
        return { name: 'Spatial Lens', version: appVersion(), host: this.host, sampleName: SAMPLE_NAME }
      case 'scene:analyze': {
        const sceneId = randomUUID()
        const computed = await this.executor.analyze(input, sceneId)
        this.keep(sceneId, { scene: computed.scene, frameName: input.frame.kind === 'sample' ? SAMPLE_NAME : input.frame.name })
        return { summary: computed.summary, cloud: computed.cloud }
      }
      case 'qa:ask': {
        const kept = this.scenes.get(input.sceneId)
        if (!kept) throw new UnknownSceneError(input.sceneId)
        const answer = answerSchema.parse(answerQuestion(kept.scene, input.question))
        await this.logAnswer(answer, this.stamp(input.sceneId))
        return answer
      }
      case 'log:add': {
        const kept = this.scenes.get(input.sceneId)
        // A measurement of a scene the service has forgotten (restart) is still the user's data: keep it without provenance.
        const objects = kept?.scene.objects.filter((object) => input.objects.includes(object.name)) ?? []
        const provenance = kept ? buildProvenance(kept.scene, objects, 'length between two points picked in the 3D view') : null
        const record = recordFromMeasurement(input, this.stamp(input.sceneId), provenance)
        await this.log.append(record)
        return record
      }
      case 'log:list':
        return this.log.list()
      case 'log:clear':
        return this.log.clear()
      case 'log:export': {
        const { records } = await this.log.list()
        return exportMeasurements(records, input.format, { now: new Date(), appVersion: appVersion() })
      }
    }
  }

  /** Answers go to the log without failing the question: a refused write is kept and listed with a warning. */
  private async logAnswer(answer: AnswerJson, stamp: RecordStamp): Promise<void> {
    const record = recordFromAnswer(answer, stamp)
    if (!record) return
    await this.log.append(record).catch((error: Error) => console.error(`[spatial-lens] ${error.message}`))
  }

  private stamp(sceneId: string): RecordStamp {
    const name = this.scenes.get(sceneId)?.frameName ?? `unknown frame (scene ${sceneId.slice(0, 8)})`
    return { id: randomUUID(), timeIso: new Date().toISOString(), frame: { sceneId, name } }
  }

  private keep(sceneId: string, kept: KeptScene): void {
    this.scenes.set(sceneId, kept)
    while (this.scenes.size > MAX_KEPT_SCENES) this.scenes.delete(this.scenes.keys().next().value!)
  }

  dispose(): Promise<void> {
    return this.executor.dispose()
  }
}

class UnknownSceneError extends Error {
  constructor(sceneId: string) {
    super(`scene ${sceneId} is not loaded any more: load the frame again`)
    this.name = 'UserError'
  }
}
