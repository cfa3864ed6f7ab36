import { useMemo, useState, type ChangeEvent } from 'react'
import { readSynthDataset, type OpenedDataset } from '../sources/synthDataset'
import { SampleView, question } from './DatasetSample'

const LISTED = 200

/**
 * Browse a dataset made by `spatial-lens synth`: pick its folder, filter samples by question type, and see one
 * sample's image, question, answer (number with unit and text) and its scene in 3D (boxes, support plane, the
 * object points with `--with-points`; the question's objects highlighted). Without WebGL: its scene from above.
 */
export function DatasetPanel() {
  const { dataset, error, open, selectedId, setSelectedId } = useOpenedDataset()
  const [type, setType] = useState('')
  const selected = dataset?.samples.find((sample) => sample.id === selectedId) ?? null
  return (
    <section className="panel-section dataset" aria-labelledby="dataset-heading">
      <header className="section-header">
        <h2 id="dataset-heading">Dataset</h2>
        {dataset && <span className="section-count">{dataset.samples.length}</span>}
      </header>
      <label className="dataset-open">
        Open a synth dataset folder…
        <input
          type="file"
          {...{ webkitdirectory: '' }}
          multiple
          onChange={open}
          aria-label="Dataset folder"
        />
      </label>
      {error && <p role="alert">{error}</p>}
      {dataset && (
        <>
          <p className="empty">
            {dataset.manifest.counts.frames} frames, seed {dataset.manifest.seed}, version{' '}
            {dataset.manifest.version}
          </p>
          <SampleBrowser
            dataset={dataset}
            type={type}
            onType={setType}
            selectedId={selectedId}
            onSelect={setSelectedId}
          />
          {selected && (
            <SampleView
              sample={selected}
              image={dataset.images.get(selected.image) ?? null}
              pointsFile={selected.points ? (dataset.points.get(selected.points) ?? null) : null}
            />
          )}
        </>
      )}
    </section>
  )
}

/** The folder picked in the file input, read as a synth dataset; the first sample selected. */
function useOpenedDataset() {
  const [dataset, setDataset] = useState<OpenedDataset<File> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])]
    setError(null)
    try {
      const entries = files.map((file) => ({ file, path: file.webkitRelativePath || file.name }))
      const opened = await readSynthDataset(entries, (file) => file.text())
      setDataset(opened)
      setSelectedId(opened.samples[0]?.id ?? null)
    } catch (caught) {
      setError((caught as Error).message)
    }
  }
  return { dataset, error, open, selectedId, setSelectedId }
}

/** The question-type filter and the first LISTED samples of that type. */
function SampleBrowser(props: {
  dataset: OpenedDataset<File>
  type: string
  onType(type: string): void
  selectedId: string | null
  onSelect(id: string): void
}) {
  const { dataset, type, selectedId } = props
  const types = useMemo(() => Object.keys(dataset.manifest.counts.perType).sort(), [dataset])
  const shown = dataset.samples.filter((sample) => type === '' || sample.question_type === type)
  return (
    <>
      <select
        value={type}
        onChange={(event) => props.onType(event.target.value)}
        aria-label="Question type"
      >
        <option value="">all types</option>
        {types.map((name) => (
          <option key={name} value={name}>
            {name} ({dataset.manifest.counts.perType[name]})
          </option>
        ))}
      </select>
      <ul className="dataset-list" aria-label="Samples">
        {shown.slice(0, LISTED).map((sample) => (
          <li key={sample.id}>
            <button
              type="button"
              aria-pressed={sample.id === selectedId}
              onClick={() => props.onSelect(sample.id)}
            >
              {question(sample)}
            </button>
          </li>
        ))}
      </ul>
      {shown.length > LISTED && (
        <p className="empty">
          First {LISTED} of {shown.length} shown.
        </p>
      )}
    </>
  )
}
