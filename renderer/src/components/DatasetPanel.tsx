import { useEffect, useMemo, useState, type ChangeEvent } from 'react'
import type { SynthSample } from '../../../main/contract/synthSchema'
import type { SynthPoints } from '../../../main/contract/synthSchema'
import { footprints, readSynthDataset, type OpenedDataset } from '../sources/synthDataset'
import { datasetSceneView, parseSynthPoints } from '../sources/datasetScene'
import { DatasetSceneView } from './DatasetSceneView'

const LISTED = 200
const MAP_SIZE = 220

/**
 * Browse a dataset made by `spatial-lens synth`: pick its folder, filter samples by question type, and see one
 * sample's image, question, answer (number with unit and text) and its scene in 3D (boxes, support plane, the
 * object points with `--with-points`; the question's objects highlighted). Without WebGL: its scene from above.
 */
export function DatasetPanel() {
  const [dataset, setDataset] = useState<OpenedDataset<File> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [type, setType] = useState('')
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
  const types = useMemo(() => Object.keys(dataset?.manifest.counts.perType ?? {}).sort(), [dataset])
  const shown = (dataset?.samples ?? []).filter(
    (sample) => type === '' || sample.question_type === type,
  )
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
          <select
            value={type}
            onChange={(event) => setType(event.target.value)}
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
                  onClick={() => setSelectedId(sample.id)}
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

function SampleView({
  sample,
  image,
  pointsFile,
}: {
  sample: SynthSample
  image: File | null
  pointsFile: File | null
}) {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (!image) return setUrl(null)
    const objectUrl = URL.createObjectURL(image)
    setUrl(objectUrl)
    return () => URL.revokeObjectURL(objectUrl)
  }, [image])
  const points = useSidecar(sample, pointsFile)
  // The boxes at once, the points when read (never the points of the sample shown before).
  const ownPoints = points.path === sample.points ? points.value : null
  const view = useMemo(() => datasetSceneView(sample, ownPoints), [sample, ownPoints])
  const value = sample.answer.number ?? sample.answer.bool ?? sample.answer.name
  return (
    <article className="dataset-sample" aria-label={`Sample ${sample.id}`}>
      {url && <img src={url} alt={`Frame ${sample.frame}`} width={MAP_SIZE} />}
      <p>
        <strong>Q:</strong> {question(sample)}
      </p>
      <p>
        <strong>A:</strong> {sample.conversations[1].value}{' '}
        <span className="numeric">
          ({typeof value === 'number' ? Number(value.toPrecision(4)) : String(value)}{' '}
          {sample.answer.unit})
        </span>
      </p>
      {points.error && <p role="alert">{points.error} The scene is shown without its points.</p>}
      <DatasetSceneView view={view} fallback={<TopView sample={sample} />} />
    </article>
  )
}

interface SidecarState {
  /** The sample's `points` path this state is for. */
  path: string
  value: SynthPoints | null
  error: string | null
}

/** The sample's object points (its `points/<job>.json`), read when the sample is shown; null without one. */
function useSidecar(sample: SynthSample, file: File | null): SidecarState {
  const [state, setState] = useState<SidecarState>({
    path: sample.points,
    value: null,
    error: null,
  })
  useEffect(() => {
    let isCurrent = true
    const path = sample.points
    if (!file) {
      const error = path ? `${path} is not in the opened folder.` : null
      setState({ path, value: null, error })
      return
    }
    setState({ path, value: null, error: null })
    file.text().then(
      (text) => {
        if (!isCurrent) return
        try {
          setState({ path, value: parseSynthPoints(text, path), error: null })
        } catch (caught) {
          setState({ path, value: null, error: (caught as Error).message })
        }
      },
      (caught: Error) => isCurrent && setState({ path, value: null, error: caught.message }),
    )
    return () => {
      isCurrent = false
    }
  }, [sample.points, file])
  return state
}

/** The sample's scene from above (the 3D view's fallback): box footprints scaled to fit, the question's objects highlighted. */
function TopView({ sample }: { sample: SynthSample }) {
  const boxes = footprints(sample)
  const xs = boxes.flatMap((box) => box.corners.map(([x]) => x))
  const ys = boxes.flatMap((box) => box.corners.map(([, y]) => y))
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ]
  const scale = (MAP_SIZE - 20) / Math.max(maxX - minX, maxY - minY, 1e-3)
  const toSvg = ([x, y]: [number, number]) =>
    `${10 + (x - minX) * scale},${MAP_SIZE - 10 - (y - minY) * scale}`
  return (
    <svg width={MAP_SIZE} height={MAP_SIZE} role="img" aria-label="Scene from above (metres)">
      {boxes.map((box) => (
        <polygon
          key={box.name}
          points={box.corners.map(toSvg).join(' ')}
          fill={sample.objects.includes(box.name) ? 'rgba(255,160,0,0.5)' : 'rgba(128,128,128,0.3)'}
          stroke="currentColor"
        >
          <title>{box.name}</title>
        </polygon>
      ))}
    </svg>
  )
}

const question = (sample: SynthSample) => sample.conversations[0].value.replace('<image>\n', '')
