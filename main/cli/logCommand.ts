import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { exportFormatSchema, type MeasurementRecord } from '../contract/measurementSchema'
import { writeFileAtomic } from '../files/atomicWrite'
import { formatTable } from '../models/formatModelInfo'
import { UserError } from '../app/userError'
import type { SpatialService } from '../services/SpatialService'
import { callService, withCliService, type CliServiceOptions } from './cliService'

/** Help text of `spatial-lens log` (also printed for `log help`). */
export const LOG_USAGE = `Usage:
  spatial-lens log list [--json]                               the measurement log, oldest first
  spatial-lens log export --format csv|jsonl|mcap --out FILE   write the log to FILE (replaced atomically)
  spatial-lens log clear --yes                                 remove every measurement
The app logs every answered question and every measurement made in the 3D view. The log lives in
$SPATIAL_LENS_HOME/measurements.jsonl, else in the per-user data folder.`

export interface LogCommandOptions {
  /** The service's log; default: the log in $SPATIAL_LENS_HOME or the per-user data folder. */
  log?: CliServiceOptions['log']
  /** Warnings (unreadable lines); default: stderr. */
  warn?: (text: string) => void
}

/**
 * `spatial-lens log …` (argv is what follows "log"), through the service's `log:*` channels like the app's
 * Measurements panel. Prints through `print`; returns the exit code.
 */
export async function runLogCommand(
  argv: string[],
  print: (text: string) => void,
  options: LogCommandOptions = {},
): Promise<number> {
  const [subcommand, ...rest] = argv
  if (!subcommand || subcommand === 'help' || subcommand === '--help' || subcommand === '-h') {
    print(LOG_USAGE)
    return 0
  }
  const values = parseLogArgs(rest)
  if (!['list', 'export', 'clear'].includes(subcommand))
    throw new UserError(
      `unknown log command "${subcommand}"; commands: list, export, clear (see spatial-lens log help)`,
    )
  const warn = options.warn ?? ((text: string) => process.stderr.write(`warning: ${text}\n`))
  return withCliService({ log: options.log }, async (service) => {
    if (subcommand === 'export') return exportLog(service, values, print)
    if (subcommand === 'clear') return clearLog(service, values.yes, print)
    // The `log:list` reply, already checked against its schema by callService.
    const listing = await callService(service, 'log:list', {})
    listing.warnings.forEach(warn)
    if (values.json) print(JSON.stringify(listing, null, 2))
    else printTable(listing.records, listing.location, print)
    return 0
  })
}

/** `--yes` is the CLI's own confirmation; the count and the log's location come from `log:list`. */
async function clearLog(
  service: SpatialService,
  isConfirmed: boolean,
  print: (text: string) => void,
): Promise<number> {
  const { records, location } = await callService(service, 'log:list', {})
  if (!isConfirmed)
    throw new UserError(
      `log clear removes all ${records.length} measurement(s) from ${location}; run \`npx spatial-lens log clear --yes\` to confirm`,
    )
  const { removedCount } = await callService(service, 'log:clear', {})
  print(`removed ${removedCount} measurement(s) from ${location}`)
  return 0
}

interface LogArgs {
  json: boolean
  yes: boolean
  format?: string
  out?: string
}

function parseLogArgs(args: string[]): LogArgs {
  try {
    const { values } = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
        format: { type: 'string' },
        out: { type: 'string' },
      },
    })
    return {
      json: values.json ?? false,
      yes: values.yes ?? false,
      format: values.format,
      out: values.out,
    }
  } catch (error) {
    throw new UserError(`${(error as Error).message.split('\n')[0]} (see spatial-lens log help)`)
  }
}

async function exportLog(
  service: SpatialService,
  values: LogArgs,
  print: (text: string) => void,
): Promise<number> {
  const format = exportFormatSchema.safeParse(values.format)
  if (!format.success)
    throw new UserError(
      `log export needs --format csv, jsonl or mcap${values.format ? ` (got "${values.format}")` : ''}`,
    )
  if (!values.out) throw new UserError('log export needs --out FILE (where to write the export)')
  const out = resolve(values.out)
  if (!existsSync(dirname(out)))
    throw new UserError(`the folder of --out does not exist: ${dirname(out)}`)
  const file = await callService(service, 'log:export', { format: format.data })
  await writeFileAtomic(out, file.bytes)
  print(`exported ${file.recordCount} measurement(s) to ${out} (${format.data})`)
  return 0
}

function printTable(
  records: MeasurementRecord[],
  location: string,
  print: (text: string) => void,
): void {
  if (records.length === 0) {
    print(`no measurements yet (log: ${location})`)
    return
  }
  const rows = records.map((record) => [
    record.timeIso,
    record.frame.name,
    record.kind,
    record.value ? `${record.value.number} ${record.value.unit}` : record.answer,
    record.text.replace(/\s+/g, ' '),
  ])
  print(formatTable(['time', 'frame', 'kind', 'value', 'what'], rows))
  print(`${records.length} measurement(s) in ${location}`)
}
