import { useState } from 'react'
import type { ExportFormat } from '../../../main/contract/measurementSchema'
import { formatClockTime, formatRecordValue } from '../format'
import type { MeasurementLogState } from '../state/useMeasurementLog'

const FORMATS: { format: ExportFormat; label: string; title: string }[] = [
  { format: 'csv', label: 'CSV', title: 'One row per measurement, for spreadsheets' },
  { format: 'jsonl', label: 'JSONL', title: 'JSON Lines: one record per line, for scripts' },
  { format: 'mcap', label: 'MCAP', title: 'One JSON channel, opens in Foxglove and Lichtblick' },
]

/**
 * The measurement log: every answer and viewer measurement, newest first (time, frame, what,
 * value), with exports as downloads and a Clear that asks first.
 */
export function MeasurementsPanel({ log }: { log: MeasurementLogState }) {
  const [isConfirmingClear, setConfirmingClear] = useState(false)
  const records = log.list?.records ?? []
  const isEmpty = records.length === 0
  return (
    <section className="panel-section measurements" aria-labelledby="measurements-heading">
      <header className="section-header">
        <h2 id="measurements-heading">Measurements</h2>
        <span className="section-count">{records.length}</span>
      </header>
      {isEmpty ? (
        <p className="empty">Answers and measurements are logged here, ready to export.</p>
      ) : (
        <MeasurementTable records={records} />
      )}
      {log.list && log.list.warnings.length > 0 && (
        <ul className="measurement-warnings" aria-label="Measurement log warnings">
          {log.list.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {isConfirmingClear ? (
        <ConfirmClear
          count={records.length}
          onCancel={() => setConfirmingClear(false)}
          onClear={() => {
            setConfirmingClear(false)
            void log.clear()
          }}
        />
      ) : (
        <ExportActions log={log} isEmpty={isEmpty} onClear={() => setConfirmingClear(true)} />
      )}
      {log.list && <p className="measurement-location">Saved in {log.list.location}</p>}
    </section>
  )
}

type LogRecord = NonNullable<MeasurementLogState['list']>['records'][number]

/** The log, newest first: time, frame, what (the answer when it has no value), value. */
function MeasurementTable({ records }: { records: LogRecord[] }) {
  const newestFirst = [...records].reverse()
  return (
    <div className="measurement-table-scroll">
      <table className="data-table measurement-table" aria-label="Measurement log">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Frame</th>
            <th scope="col">What</th>
            <th scope="col" className="numeric">
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((record) => {
            const value = formatRecordValue(record)
            return (
              <tr key={record.id} data-record-id={record.id} data-kind={record.kind}>
                <td title={record.timeIso}>{formatClockTime(record.timeIso)}</td>
                <td className="measurement-frame" title={record.frame.name}>
                  {record.frame.name}
                </td>
                <td className="measurement-what">
                  <span className="measurement-text">{record.text}</span>
                  {value === null && <span className="measurement-answer">{record.answer}</span>}
                </td>
                <td
                  className="numeric measurement-value"
                  data-has-value={value !== null}
                  title={record.answer}
                >
                  {value ?? '—'}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function ConfirmClear(props: { count: number; onCancel(): void; onClear(): void }) {
  const { count } = props
  return (
    <div className="measurement-actions confirm" role="group" aria-label="Confirm clearing">
      <span>
        Remove all {count} measurement{count === 1 ? '' : 's'}?
      </span>
      <button type="button" className="button button-quiet" onClick={props.onCancel}>
        Cancel
      </button>
      <button type="button" className="button button-danger" onClick={props.onClear}>
        Clear log
      </button>
    </div>
  )
}

/** Export buttons (one per format, busy while its download is made) and Clear…. */
function ExportActions(props: { log: MeasurementLogState; isEmpty: boolean; onClear(): void }) {
  const { log, isEmpty } = props
  return (
    <div className="measurement-actions">
      <span className="measurement-export-label">Export</span>
      {FORMATS.map(({ format, label, title }) => (
        <button
          key={format}
          type="button"
          className="button"
          title={title}
          aria-label={`Export ${label}`}
          disabled={isEmpty || log.busy !== null}
          onClick={() => void log.exportAs(format)}
        >
          {log.busy === format ? `${label}…` : label}
        </button>
      ))}
      <button
        type="button"
        className="button button-quiet measurement-clear"
        disabled={isEmpty || log.busy !== null}
        onClick={props.onClear}
      >
        Clear…
      </button>
    </div>
  )
}
