import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UserError } from '../app/userError'
import {
  perceptionSettingsSchema,
  type PerceptionSettingsInput,
} from '../contract/perceptionSettings'
import {
  DEFAULT_SERVER_LIMITS,
  serverLimitsFromFlags,
  type ServerLimits,
} from '../server/serverLimits'

/** The flags of scene, ask, verify, maps and serve (node:util parseArgs). */
const CLI_OPTIONS = {
  rgb: { type: 'string' },
  depth: { type: 'string' },
  intrinsics: { type: 'string' },
  'depth-scale': { type: 'string' },
  pcd: { type: 'string' },
  regions: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  log: { type: 'boolean', default: false },
  repeat: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  detector: { type: 'string' },
  queries: { type: 'string' },
  'depth-model': { type: 'string' },
  segmenter: { type: 'string' },
  provider: { type: 'string' },
  camera: { type: 'string' },
  llm: { type: 'string' },
  'llm-threads': { type: 'string' },
  vlm: { type: 'string' },
  'vlm-names': { type: 'boolean' },
  'allow-host': { type: 'string', multiple: true },
  'allow-origin': { type: 'string', multiple: true },
  'max-message-mb': { type: 'string' },
  'max-in-flight-mb': { type: 'string' },
  'max-requests-in-flight': { type: 'string' },
  'max-connections': { type: 'string' },
  'scenes-per-client': { type: 'string' },
  mcap: { type: 'string' },
  'color-topic': { type: 'string' },
  'depth-topic': { type: 'string' },
  'camera-info-topic': { type: 'string' },
  at: { type: 'string' },
  'gripper-frame': { type: 'string' },
  recordings: { type: 'string' },
} as const satisfies ParseArgsConfig['options']

export interface CliArgs {
  command: 'scene' | 'ask' | 'verify' | 'maps' | 'serve' | 'help'
  /** maps: the folder to write into. */
  out?: string
  rgb?: string
  depth?: string
  intrinsics?: string
  depthScale?: number
  pcd?: string
  regions?: string
  json: boolean
  /** ask, verify: record the answer in the measurement log (`--log`), as the app does. */
  log: boolean
  repeat: number
  port: number
  host: string
  question?: string
  perception: PerceptionSettingsInput
  camera?: string
  /** LLM spec for multi-step questions (ask): ollama:<model> | openai:http://host:port/v1#model | llama:<id or .gguf>. */
  llm?: string
  /** CPU threads of an embedded (llama:) model. */
  llmThreads?: number
  /** Visual questions with the LLM: 'auto' uses the installed vision-language model, 'none' never. */
  vlm: 'auto' | 'none'
  /** serve: limits on messages, bytes in flight, connections and kept scenes. */
  limits: ServerLimits
  /** serve: host names besides this machine's a browser may use (`--allow-host`, repeatable). */
  allowedHosts: string[]
  /** serve: origins besides the page's own allowed to use the WebSocket (`--allow-origin`, repeatable). */
  allowedOrigins: string[]
  /** A frame from an MCAP recording instead of image files (`--mcap` and its topic flags). */
  mcap?: McapFrameArgs
  /** serve: the directory whose recordings the UI may open (`--recordings`); none without it. */
  recordings?: string
}

/** `--mcap F --color-topic T [--depth-topic T] [--camera-info-topic T] [--at S]`. */
export interface McapFrameArgs {
  path: string
  colorTopic?: string
  depthTopic?: string
  cameraInfoTopic?: string
  /** Seconds from the recording's start; default 0 (the first frame). */
  atS?: number
  /** TF frame "the gripper" means (`--gripper-frame`); default: the grammar's naming rule. */
  gripperFrameId?: string
}

export function parseCliArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help' || command === '-h')
    return defaults('help')
  if (!isArgsCommand(command))
    throw new UserError(
      `unknown command "${command}"; commands: scene, ask, verify, maps, calibrate, serve, models, eval, log, topics, synth, worker, watch (see npx spatial-lens --help)`,
    )
  let parsed
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: CLI_OPTIONS,
    })
  } catch (error) {
    throw new UserError(`${(error as Error).message.split('\n')[0]} (see npx spatial-lens --help)`)
  }
  const values = parsed.values
  const args: CliArgs = {
    ...defaults(command),
    rgb: values.rgb,
    depth: values.depth,
    intrinsics: values.intrinsics,
    pcd: values.pcd,
    regions: values.regions,
    out: values.out,
    json: values.json ?? false,
    log: values.log ?? false,
    depthScale: optionalNumber(values['depth-scale'], '--depth-scale', (x) => x > 0),
    repeat: optionalNumber(values.repeat, '--repeat', (x) => Number.isInteger(x) && x >= 1) ?? 1,
    port:
      optionalNumber(values.port, '--port', (x) => Number.isInteger(x) && x >= 0 && x < 65536) ??
      8787,
    host: values.host ?? '127.0.0.1',
    question: parsed.positionals.join(' ').trim() || undefined,
    perception: perceptionFromFlags(values),
    camera: values.camera,
    llm: values.llm,
    llmThreads: optionalNumber(
      values['llm-threads'],
      '--llm-threads',
      (x) => Number.isInteger(x) && x >= 1,
    ),
    vlm: vlmChoice(values.vlm),
    limits: serverLimitsFromFlags(values),
    allowedHosts: values['allow-host'] ?? [],
    allowedOrigins: (values['allow-origin'] ?? []).map(checkOrigin),
    recordings: values.recordings,
    mcap: mcapArgs(values),
  }
  if (command !== 'serve') checkFrameArgs(args)
  checkPositionals(args)
  return args
}

/** The commands parsed here (the others have their own parsers: main.ts dispatches them first). */
function isArgsCommand(command: string): command is Exclude<CliArgs['command'], 'help'> {
  return ['scene', 'ask', 'verify', 'maps', 'serve'].includes(command)
}

/** The question or statement each command needs, and none where a command takes none. */
function checkPositionals(args: CliArgs): void {
  if (args.command === 'ask' && !args.question)
    throw new UserError(
      'ask needs a question, e.g. npx spatial-lens ask … "how far is the mug from the laptop"',
    )
  if (args.command === 'verify' && !args.question)
    throw new UserError(
      'verify needs a statement, e.g. npx spatial-lens verify … "the mug is left of the laptop"',
    )
  if (args.command === 'maps' && !args.out)
    throw new UserError('maps needs --out DIR (the folder to write the maps into)')
  if (args.command === 'maps' && args.question)
    throw new UserError(`unexpected argument "${args.question}" (maps takes no statement)`)
  if (args.command === 'scene' && args.question)
    throw new UserError(
      `unexpected argument "${args.question}" (scene takes no question; did you mean ask?)`,
    )
}

/** The `--mcap` flags, or undefined without `--mcap`. */
function mcapArgs(values: Readonly<Record<string, unknown>>): McapFrameArgs | undefined {
  const [path, gripperFrameId] = [flagText(values, 'mcap'), flagText(values, 'gripper-frame')]
  if (path === undefined && gripperFrameId !== undefined)
    throw new UserError('--gripper-frame names a TF frame of a recording: use it with --mcap')
  if (path === undefined) return undefined
  return {
    path,
    colorTopic: flagText(values, 'color-topic'),
    depthTopic: flagText(values, 'depth-topic'),
    cameraInfoTopic: flagText(values, 'camera-info-topic'),
    atS: optionalNumber(flagText(values, 'at'), '--at', (x) => x >= 0),
    ...(gripperFrameId ? { gripperFrameId } : {}),
  }
}

function checkFrameArgs(args: CliArgs): void {
  if (args.mcap) {
    if (args.pcd || args.rgb || args.depth)
      throw new UserError('give either --mcap or --rgb/--depth/--pcd, not both')
    return
  }
  if (args.pcd) {
    if (args.rgb || args.depth) throw new UserError('give either --pcd or --rgb/--depth, not both')
    return
  }
  if (!args.rgb)
    throw new UserError('missing --rgb (colour image) or --pcd (organized point cloud)')
  if (!args.intrinsics)
    throw new UserError(
      'missing --intrinsics K.json ({width, height, fx, fy, cx, cy, depthScale?})',
    )
}

/** An `--allow-origin` value: scheme://host[:port] of an http(s) page. */
function checkOrigin(text: string): string {
  try {
    const url = new URL(text)
    if (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === text.replace(/\/$/, '')
    )
      return url.origin
  } catch {
    // reported below
  }
  throw new UserError(
    `--allow-origin must be an origin like https://dashboard.example:8080 (got "${text}")`,
  )
}

function vlmChoice(text: string | undefined): CliArgs['vlm'] {
  if (text === undefined || text === 'auto' || text === 'none') return text ?? 'auto'
  throw new UserError(`--vlm must be auto or none (got "${text}")`)
}

function optionalNumber(
  text: string | undefined,
  flag: string,
  isValid: (x: number) => boolean,
): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isFinite(value) || !isValid(value))
    throw new UserError(`${flag} must be a valid number (got "${text}")`)
  return value
}

function defaults(command: CliArgs['command']): CliArgs {
  return {
    command,
    json: false,
    log: false,
    repeat: 1,
    port: 8787,
    host: '127.0.0.1',
    perception: {},
    vlm: 'auto',
    limits: { ...DEFAULT_SERVER_LIMITS },
    allowedHosts: [],
    allowedOrigins: [],
  }
}

const flagText = (values: Readonly<Record<string, unknown>>, name: string) =>
  typeof values[name] === 'string' ? (values[name] as string) : undefined

function perceptionFromFlags(values: Readonly<Record<string, unknown>>): PerceptionSettingsInput {
  const text = (name: string) => flagText(values, name)
  const candidate = {
    detector: text('detector'),
    queries: text('queries')
      ?.split(',')
      .map((q) => q.trim())
      .filter(Boolean),
    depthModel: text('depth-model'),
    segmenter: text('segmenter'),
    provider: text('provider'),
    vlmNames: values['vlm-names'] === true ? true : undefined,
  }
  const parsed = perceptionSettingsSchema.safeParse(
    Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)),
  )
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const flag =
      { depthModel: '--depth-model', vlmNames: '--vlm-names' }[String(issue.path[0])] ??
      `--${String(issue.path[0])}`
    throw new UserError(`${flag}: ${issue.message} (see npx spatial-lens --help)`)
  }
  return parsed.data
}
