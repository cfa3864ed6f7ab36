import { McapIndexedReader, McapStreamReader, TempBuffer } from '@mcap/core'
import type { TypedMcapRecords } from '@mcap/core'
import { describe, expect, it } from 'vitest'
import { measurementRecordSchema } from '../../main/contract/measurementSchema'
import {
  MEASUREMENT_SCHEMA_NAME,
  MEASUREMENT_TOPIC,
  isoToNanoseconds,
  measurementJsonSchema,
  measurementsToMcap,
} from '../../main/export/measurementMcap'
import {
  distanceAnswer,
  viewerMeasurement,
  yesNoAnswer,
  verdictRecord,
} from '../measurements/recordFixtures'

const records = [distanceAnswer(), viewerMeasurement(), yesNoAnswer(), verdictRecord()]
const decoder = new TextDecoder()

describe('measurementsToMcap', () => {
  it('reads back through the indexed reader (summary, index, statistics) with every record', async () => {
    const bytes = await measurementsToMcap(records, { appVersion: '9.9.9' })
    const reader = await McapIndexedReader.Initialize({ readable: new TempBuffer(bytes) })

    const channels = [...reader.channelsById.values()]
    expect(channels).toHaveLength(1)
    expect(channels[0].topic).toBe(MEASUREMENT_TOPIC)
    expect(channels[0].messageEncoding).toBe('json')
    const schema = reader.schemasById.get(channels[0].schemaId)!
    expect(schema.name).toBe(MEASUREMENT_SCHEMA_NAME)
    expect(schema.encoding).toBe('jsonschema')
    expect(JSON.parse(decoder.decode(schema.data))).toEqual(measurementJsonSchema())
    expect(reader.statistics?.messageCount).toBe(BigInt(records.length))
    expect(reader.chunkIndexes.length).toBeGreaterThan(0)
    expect(reader.header.library).toBe('spatial-lens 9.9.9')

    const messages = []
    for await (const message of reader.readMessages()) messages.push(message)
    const read = messages.map((message) =>
      measurementRecordSchema.parse(JSON.parse(decoder.decode(message.data))),
    )
    expect(read).toEqual(records)
    expect(messages.map((message) => message.logTime)).toEqual(
      records.map((record) => isoToNanoseconds(record.timeIso)),
    )
    expect(messages[0].logTime).toBe(1741064767089000000n)
  })

  it('is a valid stream front to back (magic, records, footer) with the metadata record', async () => {
    const bytes = await measurementsToMcap(records, { appVersion: '1.0.0' })
    const reader = new McapStreamReader({ validateCrcs: true })
    reader.append(bytes)
    const seen: TypedMcapRecords[keyof TypedMcapRecords][] = []
    for (let record; (record = reader.nextRecord());) seen.push(record)
    expect(reader.done()).toBe(true)
    const types = seen.map((record) => record.type)
    expect(types[0]).toBe('Header')
    expect(types.at(-1)).toBe('Footer')
    expect(types.filter((type) => type === 'Message')).toHaveLength(records.length)
    const metadata = seen.find((record) => record.type === 'Metadata')
    expect(metadata?.type === 'Metadata' && Object.fromEntries(metadata.metadata)).toEqual({
      app_version: '1.0.0',
      record_count: '4',
    })
  })

  it('an empty log is a valid MCAP file with the channel and no messages', async () => {
    const reader = await McapIndexedReader.Initialize({
      readable: new TempBuffer(await measurementsToMcap([], { appVersion: '1.0.0' })),
    })
    expect([...reader.channelsById.values()].map((channel) => channel.topic)).toEqual([
      MEASUREMENT_TOPIC,
    ])
    expect(reader.statistics?.messageCount).toBe(0n)
  })

  it('the JSON schema describes the record: required fields, world-frame ends as 3-tuples', () => {
    const schema = measurementJsonSchema() as {
      type: string
      required: string[]
      properties: Record<string, { type?: string; prefixItems?: unknown[] }>
    }
    expect(schema.type).toBe('object')
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'timeIso', 'frame', 'kind', 'text', 'value', 'answer']),
    )
    expect(schema.required).not.toContain('fromInWorldM')
    expect(schema.properties.fromInWorldM.prefixItems).toHaveLength(3)
  })

  it('refuses a time that is not ISO 8601', () => {
    expect(() => isoToNanoseconds('not a time')).toThrow(/not an ISO time/)
  })

  it('refuses times MCAP cannot hold (before 1970, after 2554) instead of wrapping them', async () => {
    expect(isoToNanoseconds('1970-01-01T00:00:00.000Z')).toBe(0n)
    // 2554-07-21T23:34:33.709Z is the last millisecond below 2^64 ns (18446744073709551615 ns).
    expect(isoToNanoseconds('2554-07-21T23:34:33.709Z')).toBe(18446744073709000000n)
    for (const timeIso of [
      '1969-12-31T23:59:59.999Z',
      '2554-07-21T23:34:33.710Z',
      '+275760-09-13T00:00:00.000Z',
    ]) {
      expect(() => isoToNanoseconds(timeIso)).toThrow(
        /cannot be exported to MCAP, whose times run from 1970 to 2554/,
      )
    }
    await expect(
      measurementsToMcap([distanceAnswer({ timeIso: '1900-01-01T00:00:00.000Z' })], {
        appVersion: 't',
      }),
    ).rejects.toThrow(/1900-01-01T00:00:00\.000Z cannot be exported to MCAP/)
  })
})
