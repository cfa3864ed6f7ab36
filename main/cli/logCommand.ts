import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { exportFormatSchema, type MeasurementRecord } from '../contract/measurementSchema'
import { contract } from '../contract/channels'
import { exportMeasurements } from '../export/exportMeasurements'
import { writeFileAtomic } from '../files/atomicWrite'
import { MeasurementLog } from '../measurements/MeasurementLog'
import { formatTable } from '../models/formatModelInfo'
import { appVersion } from '../app/appVersion'
import { UserError } from '../app/userError'

/** Help text of `spatial-lens log` (also printed for `log help`). */
export const LOG_USAGE = `Usage:
  spatial-lens log list [--json]                               the measurement log, oldest first
  spatial-lens log export --format csv|jsonl|mcap --out FILE   write the log to FILE (replaced atomically)
  spatial-lens log clear --yes                                 remove every measurement
The app logs every answered question and every measurement made in the 3D view. The log lives in
$SPATIAL_LENS_HOME/measurements.jsonl, else in the per-user data folder.`

export interface LogCommandOptions {
  /** Default: the log in $SPATIAL_LENS_HOME or the per-user data folder. */
  log?: MeasurementLog
  /** Warnings (unreadable lines); default: stderr. */
  warn?: (text: string) => void
}

/** `spatial-lens log …` (argv is what follows "log"). Prints through `print`; returns the exit code. */
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
  const log = options.log ?? new MeasurementLog()
  const warn = options.warn ?? ((text: string) => process.stderr.write(`warning: ${text}\n`))
  switch (subcommand) {
    case 'list': {
      const listing = await log.list()
      listing.warnings.forEach(warn)
      // The `log:list` reply's shape, checked against its schema.
      if (values.json) print(JSON.stringify(contract['log:list'].output.parse(listing), null, 2))
      else printTable(listing.records, listing.location, print)
      return 0
    }
    case 'export':
      return exportLog(log, values, print)
    case 'clear': {
      if (!values.yes) {
        const records = await log.all()
        throw new UserError(
          `log clear removes all ${records.length} measurement(s) from ${log.path}; run \`npx spatial-lens log clear --yes\` to confirm`,
        )
      }
      const { removedCount } = await log.clear()
      print(`removed ${removedCount} measurement(s) from ${log.path}`)
      return 0
    }
    default:
      throw new UserError(
        `unknown log command "${subcommand}"; commands: list, export, clear (see spatial-lens log help)`,
      )
  }
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
  log: MeasurementLog,
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
  const records = await log.all()
  const file = await exportMeasurements(records, format.data, {
    now: new Date(),
    appVersion: appVersion(),
  })
  await writeFileAtomic(out, file.bytes)
  print(`exported ${records.length} measurement(s) to ${out} (${format.data})`)
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
