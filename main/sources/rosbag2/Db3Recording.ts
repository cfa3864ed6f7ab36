/**
 * A rosbag2 SQLite bag (.db3) read through our streaming SQLite reader and presented like an indexed MCAP reader
 * (channels, schemas, statistics, time-ordered `readMessages`), so the recording frame source, topic listing and TF
 * reading work on it unchanged. Memory: the page cache (512 pages, 2 MiB at rosbag2's 4 KiB pages) plus the message
 * being read; opening scans the messages table's leaf pages once for per-topic counts (overflow pages holding image
 * payloads are not read).
 */
import { basename } from 'node:path'
import { existsSync, statSync } from 'node:fs'
import { SqlitePager } from '../sqlite/SqlitePager'
import { indexEntries, tableRow, tableRows, type LazyRecord } from '../sqlite/sqliteBtree'
import { columnNames, isRowidAlias, readSchema, type SchemaEntry } from '../sqlite/sqliteSchema'
import { SqliteFormatError, type SqliteValue } from '../sqlite/sqliteFormat'
import { SourceError, describeCause } from '../SourceError'
import { commonDefinitionText } from './commonDefinitions'
import type {
  RecordingChannel,
  RecordingMessage,
  RecordingReader,
  RecordingSchema,
  ReadMessagesArgs,
} from '../robot/recordingReader'

interface Table {
  rootPage: number
  /** Record column of each named field (the rowid alias is read from the rowid). */
  column: (name: string) => number
  rowidAlias: string | undefined
}

function table(entries: SchemaEntry[], name: string, file: string): Table | undefined {
  const entry = entries.find((e) => e.type === 'table' && e.name === name)
  if (!entry) return undefined
  const names = columnNames(entry.sql)
  const alias = names.find((n) => isRowidAlias(entry.sql, n))
  return {
    rootPage: entry.rootPage,
    rowidAlias: alias,
    column: (field) => {
      const i = names.indexOf(field)
      if (i < 0)
        throw new SourceError(`${file}: table ${name} has no column ${field}; is it a rosbag2 bag?`)
      return i
    },
  }
}

async function field(row: LazyRecord, t: Table, name: string): Promise<SqliteValue> {
  if (name === t.rowidAlias) return BigInt(row.rowid)
  const i = t.column(name)
  return (await row.columns(i + 1))[i]
}

export class Db3Recording implements RecordingReader {
  readonly channelsById = new Map<number, RecordingChannel>()
  readonly schemasById = new Map<number, RecordingSchema>()
  readonly chunkIndexes: RecordingReader['chunkIndexes'] = []
  statistics?: RecordingReader['statistics']

  private constructor(
    private readonly pager: SqlitePager,
    private readonly messages: Table,
    private readonly timestampIndex: number | undefined,
    readonly name: string,
  ) {}

  /**
   * Opens a .db3 bag.
   * @throws SourceError when it is not SQLite, not a rosbag2 bag, has un-merged WAL data, or is corrupt.
   */
  static async open(path: string): Promise<Db3Recording> {
    const name = basename(path)
    let pager: SqlitePager
    try {
      pager = await SqlitePager.open(path)
    } catch (error) {
      throw new SourceError(`${name} cannot be read as a rosbag2 .db3: ${describeCause(error)}`, {
        file: path,
        cause: error,
      })
    }
    try {
      const wal = `${path}-wal`
      if (pager.header.walMode && existsSync(wal) && statSync(wal).size > 0)
        throw new SourceError(
          `${name} has recent writes in ${basename(wal)} that are not merged into the bag; merge them with ` +
            `\`sqlite3 ${name} "PRAGMA wal_checkpoint(TRUNCATE)"\` (or let the recorder finish), then open it again`,
          { file: path },
        )
      const entries = await readSchema(pager)
      const topics = table(entries, 'topics', name)
      const messages = table(entries, 'messages', name)
      if (!topics || !messages)
        throw new SourceError(
          `${name} is a SQLite database but not a rosbag2 bag (no topics/messages tables)`,
          {
            file: path,
          },
        )
      const index = entries.find(
        (e) =>
          e.type === 'index' && e.tableName === 'messages' && /\(\s*"?timestamp"?\b/i.test(e.sql),
      )
      const recording = new Db3Recording(pager, messages, index?.rootPage, name)
      const definitions = await readDefinitions(pager, entries, name)
      await recording.readTopics(topics, definitions)
      await recording.count()
      return recording
    } catch (error) {
      await pager.close().catch(() => undefined)
      if (error instanceof SourceError) throw error
      throw new SourceError(`${name} is a corrupt rosbag2 .db3 (${describeCause(error)})`, {
        file: path,
        cause: error,
      })
    }
  }

  async close(): Promise<void> {
    await this.pager.close()
  }

  private async readTopics(topics: Table, definitions: Map<string, string>): Promise<void> {
    for await (const row of tableRows(this.pager, topics.rootPage)) {
      const id = Number(await field(row, topics, 'id'))
      const topic = String(await field(row, topics, 'name'))
      const type = String(await field(row, topics, 'type'))
      const format = String(await field(row, topics, 'serialization_format'))
      const text = definitions.get(type) ?? commonDefinitionText(type)
      this.schemasById.set(id, {
        id,
        name: type,
        encoding: text === undefined ? '' : 'ros2msg',
        data: new TextEncoder().encode(text ?? ''),
      })
      this.channelsById.set(id, {
        id,
        schemaId: id,
        topic,
        messageEncoding: format,
        metadata: new Map(),
      })
    }
  }

  /** Per-topic counts and the time span, from the leaf cells' leading columns (no blob is read). */
  private async count(): Promise<void> {
    const counts = new Map<number, bigint>()
    let total = 0n
    let start: bigint | undefined
    let end: bigint | undefined
    for await (const row of tableRows(this.pager, this.messages.rootPage)) {
      const { topicId, timeNs } = await this.head(row)
      counts.set(topicId, (counts.get(topicId) ?? 0n) + 1n)
      total++
      if (start === undefined || timeNs < start) start = timeNs
      if (end === undefined || timeNs > end) end = timeNs
    }
    this.statistics = {
      messageCount: total,
      messageStartTime: start ?? 0n,
      messageEndTime: end ?? 0n,
      channelMessageCounts: counts,
    }
  }

  private async head(row: LazyRecord): Promise<{ topicId: number; timeNs: bigint }> {
    const m = this.messages
    const needed = Math.max(m.column('topic_id'), m.column('timestamp')) + 1
    const values = await row.columns(needed)
    const topicId = values[m.column('topic_id')]
    const timeNs = values[m.column('timestamp')]
    if (typeof topicId !== 'bigint' || typeof timeNs !== 'bigint')
      throw new SqliteFormatError(`message ${row.rowid} has a non-integer topic_id or timestamp`)
    return { topicId: Number(topicId), timeNs }
  }

  /** Messages of the topics in time order (rowid order when the bag has no timestamp index). */
  async *readMessages(args: ReadMessagesArgs = {}): AsyncGenerator<RecordingMessage, void, void> {
    const ids = new Set(
      [...this.channelsById.values()]
        .filter((c) => args.topics === undefined || args.topics.includes(c.topic))
        .map((c) => c.id),
    )
    const inRange = (t: bigint) =>
      (args.startTime === undefined || t >= args.startTime) &&
      (args.endTime === undefined || t <= args.endTime)
    for await (const row of this.rowsInTimeOrder(args)) {
      const { topicId, timeNs } = await this.head(row)
      if (!ids.has(topicId) || !inRange(timeNs)) continue
      const data = (await row.columns(this.messages.column('data') + 1))[
        this.messages.column('data')
      ]
      if (!(data instanceof Uint8Array))
        throw new SqliteFormatError(`message ${row.rowid} has no blob data`)
      yield { channelId: topicId, logTime: timeNs, publishTime: timeNs, sequence: 0, data }
    }
  }

  private async *rowsInTimeOrder(args: ReadMessagesArgs): AsyncGenerator<LazyRecord, void, void> {
    if (this.timestampIndex === undefined) {
      // No index: rowid order is the recording order; reverse keeps only rowids (8 bytes a message).
      if (!args.reverse) return yield* tableRows(this.pager, this.messages.rootPage)
      const rowids: number[] = []
      for await (const row of tableRows(this.pager, this.messages.rootPage)) rowids.push(row.rowid)
      for (let i = rowids.length - 1; i >= 0; i--) {
        const row = await tableRow(this.pager, this.messages.rootPage, rowids[i])
        if (row) yield row
      }
      return
    }
    const bound = args.reverse ? args.endTime : args.startTime
    const byTime = (a: SqliteValue[], b: SqliteValue[]) => {
      const x = a[0] as bigint
      const y = b[0] as bigint
      return x < y ? -1 : x > y ? 1 : 0
    }
    for await (const key of indexEntries(this.pager, this.timestampIndex, byTime, {
      from: bound === undefined ? undefined : [bound],
      reverse: args.reverse,
    })) {
      const time = key[0] as bigint
      if (
        args.reverse
          ? args.startTime !== undefined && time < args.startTime
          : args.endTime !== undefined && time > args.endTime
      )
        return
      const rowid = key.at(-1)
      if (typeof rowid !== 'bigint') throw new SqliteFormatError('an index entry has no rowid')
      const row = await tableRow(this.pager, this.messages.rootPage, Number(rowid))
      if (!row)
        throw new SqliteFormatError(`the timestamp index points at a missing message ${rowid}`)
      yield row
    }
  }
}

/** Message definitions the bag carries (rosbag2 Iron and later), by type; only ros2msg text is used. */
async function readDefinitions(
  pager: SqlitePager,
  entries: SchemaEntry[],
  name: string,
): Promise<Map<string, string>> {
  const t = table(entries, 'message_definitions', name)
  const out = new Map<string, string>()
  if (!t) return out
  for await (const row of tableRows(pager, t.rootPage)) {
    const encoding = await field(row, t, 'encoding')
    const text = await field(row, t, 'encoded_message_definition')
    if (encoding === 'ros2msg' && typeof text === 'string' && text.trim() !== '')
      out.set(String(await field(row, t, 'topic_type')), text)
  }
  return out
}
