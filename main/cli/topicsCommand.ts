import { parseArgs } from 'node:util'
import { listMcapTopics, openMcap, chunkMemoryBound } from '../sources/mcap/openMcap'
import { UserError } from '../app/userError'

/** Help text of `spatial-lens topics`. */
export const TOPICS_USAGE = `Usage:
  spatial-lens topics --mcap F.mcap [--json]   topics of a recording: type, encoding, message count, rate`

/** `spatial-lens topics --mcap F.mcap`: prints the topic table (or JSON). Returns the exit code. */
export async function runTopicsCommand(
  argv: string[],
  print: (text: string) => void,
): Promise<number> {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        mcap: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean' },
      },
    }).values
  } catch (error) {
    throw new UserError(`${(error as Error).message.split('\n')[0]}\n${TOPICS_USAGE}`)
  }
  if (values.help) {
    print(TOPICS_USAGE)
    return 0
  }
  if (!values.mcap) throw new UserError(`missing --mcap F.mcap\n${TOPICS_USAGE}`)
  const { reader, readable, name } = await openMcap(values.mcap)
  try {
    const topics = await listMcapTopics(reader)
    if (values.json) {
      print(
        JSON.stringify(topics, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2),
      )
      return 0
    }
    const bound = chunkMemoryBound(reader)
    print(
      `${name}: ${topics.length} topic(s), ${reader.chunkIndexes.length} chunk(s), largest chunk ${mib(bound.largestChunkBytes)}`,
    )
    const rows = topics.map((t) => [
      t.topic,
      t.schemaName,
      `${t.schemaEncoding || '-'}/${t.messageEncoding}`,
      String(t.messageCount ?? '?'),
      t.rateHz === undefined ? '-' : `${t.rateHz.toFixed(t.rateHz < 10 ? 2 : 1)} Hz`,
    ])
    const header = ['topic', 'type', 'encoding', 'messages', 'rate']
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
    for (const row of [header, ...rows])
      print(
        row
          .map((cell, i) => cell.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      )
    return 0
  } finally {
    await readable.close()
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}
