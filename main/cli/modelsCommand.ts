import { parseArgs } from 'node:util'
import {
  modelInfoCliSchema,
  modelListCliSchema,
  type ModelStatusJson,
} from '../contract/modelsCliSchema'
import { UserError } from '../app/userError'
import { downloadCommand } from '../models/errors'
import {
  formatModelInfo,
  formatModelSize,
  formatModelState,
  formatTable,
} from '../models/formatModelInfo'
import { ModelStore, type DownloadOptions, type ModelStatus } from '../models/ModelStore'
import { createProgressReporter, formatBytes, type ProgressSink } from '../models/progressDisplay'

/** Help text of `spatial-lens models` (also printed for `models help`). */
export const MODELS_USAGE = `Usage:
  spatial-lens models list [--json]              models of the manifest: installed, missing, built-in
  spatial-lens models download <id...> | --all   download (resumes, verifies SHA-256)
  spatial-lens models verify [id]                re-hash installed files (all when no id)
  spatial-lens models remove <id>                delete a downloaded model
  spatial-lens models info <id> [--json]         every manifest field of a model
Models live in $SPATIAL_LENS_MODELS, else the per-user cache folder.`

export interface ModelsCommandOptions {
  /** Default: a store over the bundled manifest and the per-user cache. */
  store?: ModelStore
  /** Progress output; default: stderr (a bar when it is a terminal). */
  progress?: ProgressSink
  /** Passed to the downloader (tests shorten retries and timeouts). */
  download?: Pick<DownloadOptions, 'idleTimeoutMs' | 'attempts' | 'retryDelayMs'>
}

/**
 * `spatial-lens models …` (argv is what follows "models"). Prints through `print`; returns the
 * exit code (1 when verify finds a bad file). User mistakes and failed downloads throw UserError.
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
  const store = options.store ?? new ModelStore()
  switch (subcommand) {
    case 'list':
      return listModels(store, values.json, print)
    case 'download':
      return downloadModels(
        store,
        values.all ? downloadableIds(store) : requireIds(positionals, 'download'),
        print,
        options,
      )
    case 'verify':
      return verifyModels(store, positionals.length > 0 ? positionals : installedIds(store), print)
    case 'remove':
      return removeModels(store, requireIds(positionals, 'remove'), print)
    case 'info':
      return showInfo(store, requireIds(positionals, 'info'), values.json, print)
    default:
      throw new UserError(
        `unknown models command "${subcommand}"; commands: list, download, verify, remove, info`,
      )
  }
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

function listModels(store: ModelStore, isJson: boolean, print: (text: string) => void): number {
  const statuses = store.list()
  if (isJson) {
    const listing = { modelsDirectory: store.cacheDirectory, models: statuses.map(statusJson) }
    print(JSON.stringify(modelListCliSchema.parse(listing), null, 2))
    return 0
  }
  const rows = statuses.map((status) => [
    status.entry.id,
    status.entry.task,
    formatModelSize(status),
    status.entry.licence.id,
    formatModelState(status),
  ])
  print(formatTable(['id', 'task', 'size', 'licence', 'status'], rows))
  print(`models directory: ${store.cacheDirectory} (set SPATIAL_LENS_MODELS to use another)`)
  return 0
}

async function downloadModels(
  store: ModelStore,
  ids: string[],
  print: (text: string) => void,
  options: ModelsCommandOptions,
): Promise<number> {
  ids.forEach((id) => store.entry(id)) // unknown ids fail before anything downloads
  const sink: ProgressSink = options.progress ?? {
    write: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
  }
  for (const id of ids) {
    const entry = store.entry(id)
    if (entry.install === 'builtin') {
      print(`${id}: built in, nothing to download`)
      continue
    }
    let reporter: ReturnType<typeof createProgressReporter> | undefined
    const outcomes = await store.download(id, {
      ...options.download,
      onFileStart: (file, index, count) => {
        reporter?.finish()
        reporter = createProgressReporter(sink, `${id} ${file.path} (${index + 1}/${count})`)
      },
      onProgress: (_file, progress) => reporter?.update(progress),
    })
    reporter?.finish()
    for (const outcome of outcomes) {
      if (outcome.outcome === 'already-installed' || !outcome.result)
        print(`${id}: ${outcome.path} already installed`)
      else if (outcome.result.isVerified)
        print(
          `${id}: ${outcome.path} downloaded, ${formatBytes(outcome.result.bytes)}, SHA-256 verified`,
        )
      else
        print(
          `${id}: ${outcome.path} downloaded, ${formatBytes(outcome.result.bytes)}; no published hash to verify against: recorded SHA-256 ${outcome.result.sha256} (trust on first use)`,
        )
    }
  }
  return 0
}

async function verifyModels(
  store: ModelStore,
  ids: string[],
  print: (text: string) => void,
): Promise<number> {
  if (ids.length === 0) {
    print('no installed models to verify (see npx spatial-lens models list)')
    return 0
  }
  let isAllOk = true
  for (const id of ids) {
    for (const file of await store.verify(id)) {
      if (file.outcome === 'ok')
        print(
          `${id}: ${file.path} ok (${file.reference === 'published' ? 'published hash' : 'hash locked at install'})`,
        )
      else if (file.outcome === 'unverified')
        print(
          `${id}: ${file.path} not verified: no published hash to check it against (not marked trusted); ` +
            `SHA-256 ${file.actualSha256}: compare it with the source of the file`,
        )
      else {
        isAllOk = false
        if (file.outcome === 'missing')
          print(`${id}: ${file.path} is missing: run \`${downloadCommand(id)}\``)
        else
          print(
            `${id}: ${file.path} is corrupt: SHA-256 ${file.actualSha256}, expected ${file.expectedSha256}${file.isDeleted ? `; deleted it: run \`${downloadCommand(id)}\`` : ''}`,
          )
      }
    }
  }
  return isAllOk ? 0 : 1
}

async function removeModels(
  store: ModelStore,
  ids: string[],
  print: (text: string) => void,
): Promise<number> {
  for (const id of ids) {
    const { removedBytes } = await store.remove(id)
    print(
      removedBytes > 0
        ? `${id}: removed (${formatBytes(removedBytes)} freed)`
        : `${id}: was not installed; nothing removed`,
    )
  }
  return 0
}

function showInfo(
  store: ModelStore,
  ids: string[],
  isJson: boolean,
  print: (text: string) => void,
): number {
  const statuses = ids.map((id) => store.status(id))
  if (isJson)
    print(
      JSON.stringify(
        modelInfoCliSchema.parse(
          statuses.length === 1 ? statusJson(statuses[0]) : statuses.map(statusJson),
        ),
        null,
        2,
      ),
    )
  else print(statuses.map(formatModelInfo).join('\n\n'))
  return 0
}

function statusJson(status: ModelStatus): ModelStatusJson {
  return {
    ...status.entry,
    status: status.state,
    totalBytes: status.totalBytes,
    isSizeApproximate: status.isSizeApproximate,
    isSizeLowerBound: status.isSizeLowerBound,
    installedFiles: status.files.map((file) => ({
      path: file.file.path,
      location: file.path,
      state: file.state,
      bytesOnDisk: file.bytesOnDisk,
      lock: file.lock,
    })),
  }
}

function downloadableIds(store: ModelStore): string[] {
  return store.manifest.models
    .filter((model) => model.install === 'download')
    .map((model) => model.id)
}

function installedIds(store: ModelStore): string[] {
  return store
    .list()
    .filter((status) => status.state !== 'missing')
    .map((status) => status.entry.id)
}
