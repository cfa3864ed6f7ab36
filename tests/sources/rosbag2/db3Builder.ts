/**
 * Writes rosbag2-shaped SQLite bags with sql.js (the real SQLite compiled to WebAssembly), the independent writer the
 * .db3 reader is tested against: rosbag2's schema (topics, messages, timestamp_idx, optional message_definitions),
 * CDR payloads from @foxglove/rosmsg2-serialization with the test's own definitions (tests/sources/robot).
 */
import { writeFileSync } from 'node:fs'
import initSqlJs from 'sql.js'
import { parse as parseMsgDefinition } from '@foxglove/rosmsg'
import { MessageWriter } from '@foxglove/rosmsg2-serialization'

export interface Db3Topic {
  name: string
  type: string
  /** ros2msg text used to serialize (and stored in message_definitions when `storeDefinitions`). */
  definition: string
}

export interface Db3Options {
  pageSize?: number
  timestampIndex?: boolean
  storeDefinitions?: boolean
}

export class Db3Builder {
  private readonly writers = new Map<string, { id: number; writer: MessageWriter }>()
  private readonly rows: { topicId: number; timeNs: bigint; data: Uint8Array }[] = []

  constructor(
    private readonly topics: Db3Topic[],
    private readonly options: Db3Options = {},
  ) {
    topics.forEach((t, i) =>
      this.writers.set(t.name, {
        id: i + 1,
        writer: new MessageWriter(parseMsgDefinition(t.definition, { ros2: true })),
      }),
    )
  }

  message(topic: string, timeNs: bigint, message: unknown): void {
    const w = this.writers.get(topic)!
    this.rows.push({ topicId: w.id, timeNs, data: w.writer.writeMessage(message) })
  }

  raw(topic: string, timeNs: bigint, data: Uint8Array): void {
    this.rows.push({ topicId: this.writers.get(topic)!.id, timeNs, data })
  }

  /** Writes the bag; rows go in in the order given (out of time order on purpose when the test says so). */
  async write(path: string): Promise<void> {
    const SQL = await initSqlJs()
    const db = new SQL.Database()
    db.run(`PRAGMA page_size = ${this.options.pageSize ?? 4096}`)
    db.run(`CREATE TABLE schema(schema_version INTEGER PRIMARY KEY, ros_distro TEXT NOT NULL)`)
    db.run(`CREATE TABLE topics(id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
      serialization_format TEXT NOT NULL, offered_qos_profiles TEXT NOT NULL)`)
    db.run(`CREATE TABLE messages(id INTEGER PRIMARY KEY, topic_id INTEGER NOT NULL,
      timestamp INTEGER NOT NULL, data BLOB NOT NULL)`)
    if (this.options.storeDefinitions)
      db.run(`CREATE TABLE message_definitions(id INTEGER PRIMARY KEY, topic_type TEXT NOT NULL,
        encoding TEXT NOT NULL, encoded_message_definition TEXT NOT NULL, type_description_hash TEXT NOT NULL)`)
    if (this.options.timestampIndex !== false)
      db.run('CREATE INDEX timestamp_idx ON messages (timestamp ASC)')
    db.run("INSERT INTO schema VALUES (4, 'jazzy')")
    this.topics.forEach((t, i) => {
      db.run('INSERT INTO topics VALUES (?, ?, ?, ?, ?)', [i + 1, t.name, t.type, 'cdr', ''])
      if (this.options.storeDefinitions)
        db.run('INSERT INTO message_definitions VALUES (?, ?, ?, ?, ?)', [
          i + 1,
          t.type,
          'ros2msg',
          t.definition,
          '',
        ])
    })
    const insert = db.prepare('INSERT INTO messages (topic_id, timestamp, data) VALUES (?, ?, ?)')
    // sql.js binds JS numbers; nanosecond stamps exceed 2^53, so they go in as SQL integer text.
    for (const r of this.rows) {
      insert.run([r.topicId, 0, r.data])
      db.run(
        `UPDATE messages SET timestamp = ${r.timeNs.toString()} WHERE id = last_insert_rowid()`,
      )
    }
    insert.free()
    writeFileSync(path, db.export())
    db.close()
  }
}
