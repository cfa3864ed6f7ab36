import { parseArgs } from 'node:util'
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

export const USAGE = `Spatial Lens — metric spatial reasoning over RGB-D frames

Usage:
  spatial-lens scene --rgb C --depth D --intrinsics K.json [--depth-scale S] [--regions R.json] [--json] [--repeat N]
  spatial-lens scene --pcd cloud.pcd [--regions R.json] [--json] [--repeat N]
  spatial-lens scene --rgb photo.jpg --intrinsics K.json            (colour only: metric depth from the installed depth model)
  spatial-lens scene --mcap F.mcap --color-topic T [--depth-topic T] [--camera-info-topic T] [--at SECONDS] [--gripper-frame ID] [--json]
      (one frame of a recording; --at: seconds from its start; its TF frames become things to ask about)
  spatial-lens topics --mcap F.mcap [--json]   (topics with types, message counts and rates)
  spatial-lens ask   (--rgb C --depth D --intrinsics K.json | --pcd cloud.pcd | --mcap F.mcap …) [--regions R.json] [--llm SPEC [--llm-threads N] [--vlm auto|none]] [--json] "question"
  spatial-lens verify (--rgb C --depth D --intrinsics K.json | --pcd cloud.pcd) [--regions R.json] [--vlm auto|none] [--llm SPEC] [--json] "statement"
      (SpatialEnsemble: true/false with its confidence, each voter's vote, weight and reason)
  spatial-lens maps (--rgb C [--depth D] --intrinsics K.json | --pcd cloud.pcd) [--regions R.json] --out DIR [--json]
      (Spatial-ViLT's auxiliary maps: 16-bit depth mm PNG, world coordinates .npy, Canny edges, object masks, maps.json)
  spatial-lens eval vsr --split random|zeroshot [--images DIR] [--boxes FILE] [--save FILE] [--json]   (VSR relation verification)
  spatial-lens calibrate --camera ID --depth-model <id> --rgb C --intrinsics K.json [--json]   (spatial-lens calibrate --help)
      (--depth D | --known-distance "u1,v1,u2,v2,metres"... | --known-size "x0,y0,x1,y1,width|height,metres")
  spatial-lens serve [--port P] [--host H] [--allow-host NAME]... [--allow-origin ORIGIN]... [--recordings DIR] [limits]
      --recordings DIR: the UI may open the .mcap recordings under DIR (and only those)
      limits: --max-message-mb 64 --max-in-flight-mb 128 --max-requests-in-flight 32 --max-connections 8
              --scenes-per-client 16   (defaults shown; README "Security and limits")
  spatial-lens eval cot --llm SPEC [--llm-threads N] [--limit N] [--json]   (chain-of-thought evaluation, 43 questions)
  spatial-lens eval scenes [--datasets LIST] [--no-open3d] [--json]   (3D box accuracy vs Open3D; npm run eval)
  spatial-lens models list|download <id...>|--all|verify [id]|remove <id>|info <id> [--json]   (spatial-lens models help)
  spatial-lens log list [--json] | export --format csv|jsonl|mcap --out FILE | clear --yes   (measurement log; spatial-lens log help)
  spatial-lens synth INPUT... --out DIR [--seed N] [--workers N] [--with-points]   (spatial VQA dataset; spatial-lens synth --help)
  spatial-lens watch (--rosbridge ws://host:9090 --color-topic T --depth-topic T --info-topic T | --rgb-dir DIR --intrinsics K.json)
      "distance between the mug and the bottle" [--csv out.csv] [--record out.mcap] [--max-frames N]   (spatial-lens watch --help)

Perception (scene and ask):
  --detector nanodet|owlv2|none   objects from a detector (default nanodet, built in; owlv2 needs --queries "mug,laptop")
  --depth-model auto|none|<id>     monocular depth for colour-only frames (auto: the first installed metric model)
  --segmenter auto|none|<id>       SAM-family masks for detector boxes when installed (auto)
  --provider cpu|webgpu|cuda       execution provider for the models (default: the best available)
  --camera ID                      camera id for per-camera depth calibrations (default: file; see calibrate)
  --vlm-names                      name geometry-only objects with the installed vision-language model (slow on a CPU)

LLM (ask, verify, eval): --llm ollama:<model> | ollama:http://host:port#<model> | openai:http://host:port/v1#<model> |
  openai:<model> (key: SPATIAL_LENS_LLM_API_KEY or OPENAI_API_KEY) | llama:<model id> | llama:/path/model.gguf
  (llama: runs in-process; install its runtime once with \`npm run setup:llm\`; --llm-threads sets its CPU threads)
  --vlm auto|none: visual questions (colour, "which one is the red cup") go to the installed vision-language
  model (auto, default; \`npx spatial-lens models download smolvlm-256m-instruct\`); none: never, and the LLM is told so

Regions (R.json, pixels, 0-based): [{"label": "mug", "box": [x0, y0, x1, y1]}, {"label": "cup", "point": [u, v]},
  {"label": "bowl", "mask": "mask.png"}]
Questions: "how far is the mug from the laptop", "is the bottle left of the box", "how tall is the bottle",
  "which is bigger, the mug or the can", "can a 8 cm gripper fit between the mug and the can"`

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
  if (
    command !== 'scene' &&
    command !== 'ask' &&
    command !== 'verify' &&
    command !== 'maps' &&
    command !== 'serve'
  ) {
    throw new UserError(
      `unknown command "${command}"; commands: scene, ask, verify, maps, calibrate, serve, models, eval, log, topics, synth, worker, watch (see npx spatial-lens --help)`,
    )
  }
  let parsed
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        rgb: { type: 'string' },
        depth: { type: 'string' },
        intrinsics: { type: 'string' },
        'depth-scale': { type: 'string' },
        pcd: { type: 'string' },
        regions: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
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
      },
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
  if (command === 'ask' && !args.question)
    throw new UserError(
      'ask needs a question, e.g. npx spatial-lens ask … "how far is the mug from the laptop"',
    )
  if (command === 'verify' && !args.question)
    throw new UserError(
      'verify needs a statement, e.g. npx spatial-lens verify … "the mug is left of the laptop"',
    )
  if (command === 'maps' && !args.out)
    throw new UserError('maps needs --out DIR (the folder to write the maps into)')
  if (command === 'maps' && args.question)
    throw new UserError(`unexpected argument "${args.question}" (maps takes no statement)`)
  if (command === 'scene' && args.question)
    throw new UserError(
      `unexpected argument "${args.question}" (scene takes no question; did you mean ask?)`,
    )
  return args
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
