import type { SourceTopic } from '../../../main/contract/sourceSchema'

const ROLE_TEXT: Record<SourceTopic['role'], string> = {
  color: 'colour',
  depth: 'depth',
  cameraInfo: 'camera info',
  tf: 'TF',
  other: '',
}

/** The opened source's topics: type, message count and mean rate (recordings), what each looks like. */
export function TopicTable({ topics }: { topics: SourceTopic[] }) {
  return (
    <table className="topic-table">
      <thead>
        <tr>
          <th>Topic</th>
          <th>Type</th>
          <th>Msgs</th>
          <th>Hz</th>
          <th>Looks like</th>
        </tr>
      </thead>
      <tbody>
        {topics.map((t) => (
          <tr key={t.name} data-topic={t.name}>
            <td>{t.name}</td>
            <td>{t.type}</td>
            <td>{t.messageCount ?? '–'}</td>
            <td>{t.rateHz !== undefined ? t.rateHz.toFixed(1) : '–'}</td>
            <td>{ROLE_TEXT[t.role]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
