import { parseArgs } from 'node:util'
import { modelInfoCliSchema, modelListCliSchema } from '../contract/modelsCliSchema'
import type { DownloadReport, ModelRow, VerifyReport } from '../contract/modelsSchema'
import { UserError } from '../app/userError'
import { downloadCommand } from '../models/errors'
import {
  formatModelInfo,
  formatModelSize,
  formatModelState,
  formatTable,
} from '../models/formatModelInfo'
import { formatBytes, type ProgressSink } from '../models/progressDisplay'
import type { ModelsServiceOptions } from '../services/ModelsService'
import { modelStatusFromJson } from '../services/modelStatusJson'
import type { SpatialService } from '../services/SpatialService'
import { callService, withCliService } from './cliService'
import { ctrlC, downloadWithProgress, type InterruptSource } from './modelsDownload'

/** Help text of `spatial-lens models` (also printed for `models help`). */
export const MODELS_USAGE = `Usage:
  spatial-lens models list [--json]              models of the manifest: installed, missing, built-in
  spatial-lens models download <id...> | --all   download (resumes, verifies SHA-256)
  spatial-lens models verify [id]                re-hash installed files (all when no id)
  spatial-lens models remove <id>                delete a downloaded model
  spatial-lens models info <id> [--json]         every manifest field of a model
Models live in $SPATIAL_LENS_MODELS, else the per-user cache folder.`

export interface ModelsCommandOptions {
  /** The service's model store; default: one over the bundled manifest and the per-user cache. */
  store?: ReturnType<NonNullable<ModelsServiceOptions['createStore']>>
  /** Progress output; default: stderr (a bar when it is a terminal). */
  progress?: ProgressSink
  /** Passed to the downloader (tests shorten retries and timeouts). */
  download?: ModelsServiceOptions['download']
  /** What cancels a running download; default: Ctrl+C (SIGINT). */
  interrupt?: InterruptSource
}

const COMMANDS = ['list', 'download', 'verify', 'remove', 'info']
/** Exit code of a download cancelled with Ctrl+C (128 + SIGINT, as shells report it). */
const CANCELLED_EXIT_CODE = 130

/**
 * `spatial-lens models …` (argv is what follows "models"), through the service's `models:*` channels like the
 * app's Models panel. Prints through `print`; returns the exit code (1 when verify finds a bad file, 130 when a
 * download was cancelled). User mistakes and failed downloads throw UserError.
 */
export async function runModelsCommand(
  argv: string[],
  print: (text: string) => void,
  options: ModelsCommandOptions = {},
): Promise<number> {
  const [subcommand, ...rest] = argv
  if (!subcommand || subcommand === 'help' || subcommand === '--help' || subcommand === '-h') {
    print(MODELS_USAGE)
    return 0
  }
  const { values, positionals } = parseModelsArgs(rest)
  if (!COMMANDS.includes(subcommand))
    throw new UserError(
      `unknown models command "${subcommand}"; commands: list, download, verify, remove, info`,
    )
  const ids =
    subcommand === 'verify' || subcommand === 'list' || (subcommand === 'download' && values.all)
      ? positionals
      : requireIds(positionals, subcommand)
  const { store } = options
  const models = { createStore: store && (() => store), download: options.download }
  return withCliService({ models }, async (service) => {
    switch (subcommand) {
      case 'list':
        return listModels(service, values.json, print)
      case 'download':
        return downloadModels(
          service,
          values.all ? await modelIds(service, (row) => row.install === 'download') : ids,
          print,
          options,
        )
      case 'verify':
        return verifyModels(
          service,
          ids.length > 0 ? ids : await modelIds(service, (row) => row.state !== 'missing'),
          print,
        )
      case 'remove':
        return removeModels(service, ids, print)
      default:
        return showInfo(service, ids, values.json, print)
    }
  })
}

function parseModelsArgs(args: string[]): {
  values: { json: boolean; all: boolean }
  positionals: string[]
} {
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
      },
    })
    return {
      values: { json: parsed.values.json ?? false, all: parsed.values.all ?? false },
      positionals: parsed.positionals,
    }
  } catch (error) {
    throw new UserError(
      `${(error as Error).message.split('\n')[0]} (see npx spatial-lens models help)`,
    )
  }
}

function requireIds(ids: string[], command: string): string[] {
  if (ids.length === 0)
    throw new UserError(`models ${command} needs a model id (see npx spatial-lens models list)`)
  return ids
}

/** The ids of the manifest's models that `isWanted`, from `models:list`. */
async function modelIds(
  service: SpatialService,
  isWanted: (row: ModelRow) => boolean,
): Promise<string[]> {
  const { models } = await callService(service, 'models:list', {})
  return models.filter(isWanted).map((row) => row.id)
}

async function listModels(
  service: SpatialService,
  isJson: boolean,
  print: (text: string) => void,
): Promise<number> {
  const listing = await callService(service, 'models:list', {})
  if (isJson) {
    // The fuller CLI shape: every manifest field and lock record, one `models:info` per model.
    const models = []
    for (const row of listing.models)
      models.push(await callService(service, 'models:info', { modelId: row.id }))
    const json = { modelsDirectory: listing.modelsDirectory, models }
    print(JSON.stringify(modelListCliSchema.parse(json), null, 2))
    return 0
  }
  const rows = listing.models.map((row) => [
    row.id,
    row.task,
    formatModelSize(row),
    row.licence.id,
    formatModelState(row.state, row.install),
  ])
  print(formatTable(['id', 'task', 'size', 'licence', 'status'], rows))
  print(`models directory: ${listing.modelsDirectory} (set SPATIAL_LENS_MODELS to use another)`)
  return 0
}

async function downloadModels(
  service: SpatialService,
  ids: string[],
  print: (text: string) => void,
  options: ModelsCommandOptions,
): Promise<number> {
  const models = []
  // Unknown ids fail before anything downloads.
  for (const id of ids) models.push(await callService(service, 'models:info', { modelId: id }))
  const sink: ProgressSink = options.progress ?? {
    write: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
  }
  for (const model of models) {
    const id = model.id
    if (model.install === 'builtin') {
      print(`${id}: built in, nothing to download`)
      continue
    }
    const report = await downloadWithProgress(service, id, sink, options.interrupt ?? ctrlC)
    if (report.outcome === 'failed')
      throw new UserError(report.message, { code: 'DOWNLOAD_FAILED' })
    if (report.outcome === 'cancelled') {
      print(
        `${id}: download cancelled; the part already downloaded is kept: \`${downloadCommand(id)}\` resumes from there`,
      )
      return CANCELLED_EXIT_CODE
    }
    report.files.forEach((file) => print(`${id}: ${file.location} ${downloadedText(file)}`))
  }
  return 0
}

function downloadedText(file: DownloadReport['files'][number]): string {
  if (file.outcome === 'already-installed' || file.bytes === null) return 'already installed'
  if (file.isVerified) return `downloaded, ${formatBytes(file.bytes)}, SHA-256 verified`
  return `downloaded, ${formatBytes(file.bytes)}; no published hash to verify against: recorded SHA-256 ${file.sha256} (trust on first use)`
}

async function verifyModels(
  service: SpatialService,
  ids: string[],
  print: (text: string) => void,
): Promise<number> {
  if (ids.length === 0) {
    print('no installed models to verify (see npx spatial-lens models list)')
    return 0
  }
  let isAllOk = true
  for (const id of ids) {
    const report = await callService(service, 'models:verify', { modelId: id })
    isAllOk &&= report.isAllOk
    report.files.forEach((file) => print(`${id}: ${file.location} ${verifiedText(id, file)}`))
  }
  return isAllOk ? 0 : 1
}

function verifiedText(id: string, file: VerifyReport['files'][number]): string {
  if (file.outcome === 'ok')
    return `ok (${file.reference === 'published' ? 'published hash' : 'hash locked at install'})`
  if (file.outcome === 'unverified')
    return (
      'not verified: no published hash to check it against (not marked trusted); ' +
      `SHA-256 ${file.actualSha256}: compare it with the source of the file`
    )
  if (file.outcome === 'missing') return `is missing: run \`${downloadCommand(id)}\``
  return `is corrupt: SHA-256 ${file.actualSha256}, expected ${file.expectedSha256}${file.isDeleted ? `; deleted it: run \`${downloadCommand(id)}\`` : ''}`
}

async function removeModels(
  service: SpatialService,
  ids: string[],
  print: (text: string) => void,
): Promise<number> {
  for (const id of ids) {
    const { removedBytes } = await callService(service, 'models:remove', { modelId: id })
    print(
      removedBytes > 0
        ? `${id}: removed (${formatBytes(removedBytes)} freed)`
        : `${id}: was not installed; nothing removed`,
    )
  }
  return 0
}

async function showInfo(
  service: SpatialService,
  ids: string[],
  isJson: boolean,
  print: (text: string) => void,
): Promise<number> {
  const models = []
  for (const id of ids) models.push(await callService(service, 'models:info', { modelId: id }))
  if (isJson)
    print(
      JSON.stringify(modelInfoCliSchema.parse(models.length === 1 ? models[0] : models), null, 2),
    )
  else print(models.map((model) => formatModelInfo(modelStatusFromJson(model))).join('\n\n'))
  return 0
}
