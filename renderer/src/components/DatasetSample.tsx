import { useEffect, useMemo, useState } from 'react'
import type { SynthPoints, SynthSample } from '../../../main/contract/synthSchema'
import { footprints } from '../sources/synthDataset'
import { datasetSceneView, parseSynthPoints } from '../sources/datasetScene'
import { DatasetSceneView } from './DatasetSceneView'

/** Width of the sample image and of the top view, px. */
export const MAP_SIZE = 220

/** One synth sample: its image, question, answer (value with unit) and its scene in 3D (from above without WebGL). */
export function SampleView({
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

/** The sample's question without the image token. */
export const question = (sample: SynthSample) =>
  sample.conversations[0].value.replace('<image>\n', '')
