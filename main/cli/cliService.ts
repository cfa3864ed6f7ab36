/**
 * The CLI as a host of the service: the same SpatialService and typed handlers as the desktop app and `serve`,
 * with the scene tasks run inline (one-shot commands: a worker thread would only add its start-up). Commands call
 * channels with {@link callService}, so their input is parsed and their reply checked against the contract exactly
 * as for the other hosts.
 */
import type { Channel, ChannelInput, ChannelOutput } from '../contract/channels'
import type { EventPayload, ServerEvent } from '../contract/events'
import { SpatialService, type SpatialServiceOptions } from '../services/SpatialService'
import { InlineSceneExecutor, type SceneExecutor } from '../workers/sceneExecutor'
import { UserError } from '../app/userError'
import type { CliArgs } from './args'

export interface CliServiceOptions extends Omit<SpatialServiceOptions, 'recordAnswers'> {
  /** `--log`: answers and verdicts go to the measurement log as in the app. Default false. */
  recordAnswers?: boolean
  /** Default: the scene tasks on this thread. */
  executor?: SceneExecutor
}

/** The service for one CLI command; dispose it when the command ends. */
export function openCliService(options: CliServiceOptions = {}): SpatialService {
  const { executor = new InlineSceneExecutor(), recordAnswers = false, ...rest } = options
  return new SpatialService(executor, 'cli', { reportBug: debugOnly, ...rest, recordAnswers })
}

/** A bug's details for the CLI: with SPATIAL_LENS_DEBUG=1 only (the user reads main's one `error:` line). */
function debugOnly(what: string, details: unknown): void {
  if (process.env.SPATIAL_LENS_DEBUG === '1') console.error(`[spatial-lens] ${what}`, details)
}

/**
 * One channel call: the reply, or the service's error line thrown — as a UserError (exit 2) when the request was
 * at fault, as a plain Error (exit 1, "unexpected error") when the service was.
 */
export async function callService<C extends Channel>(
  service: SpatialService,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await service.handle(channel, input)
  if (result.ok) return result.value
  if (result.cause === 'user')
    throw new UserError(result.error.message, { code: result.error.code })
  // The message already says "unexpected error: …" or "this is a bug"; main prints it once more as such.
  throw new Error(result.error.message.replace(/^unexpected error: /, ''))
}

/**
 * Listens to one kind of the service's events (`qa:step`, `models:progress`); returns the function that stops
 * listening. The payloads were validated against the contract when they were emitted.
 */
export function onServiceEvent<E extends ServerEvent>(
  service: SpatialService,
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return service.subscribe((name: ServerEvent, payload: unknown) => {
    // subscribe hands every event with its own payload type; the name match makes it E's.
    if (name === event) listener(payload as EventPayload<E>)
  })
}

/** Runs `work` with a CLI service and disposes it afterwards, whatever happens. */
export async function withCliService<T>(
  options: CliServiceOptions,
  work: (service: SpatialService) => Promise<T>,
): Promise<T> {
  const service = openCliService(options)
  try {
    return await work(service)
  } finally {
    await service.dispose()
  }
}

/**
 * The service options of `scene`, `ask` and `verify`: the LLM only when `--llm` names one (never the app's saved
 * one), `--vlm`, and the log only with `--log`.
 */
export function questionServiceOptions(args: CliArgs): CliServiceOptions {
  return {
    recordAnswers: args.log,
    llm: args.llm ? { spec: args.llm, threads: args.llmThreads } : null,
    vision: args.vlm,
  }
}
