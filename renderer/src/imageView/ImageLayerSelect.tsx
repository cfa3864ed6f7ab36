import { IMAGE_LAYERS, type ImageLayer } from './imageLayers'

/** Which layer of the image the view paints (photo, depth, …). */
export function ImageLayerSelect(props: { layer: ImageLayer; onChange(layer: ImageLayer): void }) {
  return (
    <select
      className="image-layer"
      aria-label="Image layer"
      value={props.layer}
      onChange={(event) => props.onChange(event.target.value as ImageLayer)}
    >
      {IMAGE_LAYERS.map((option) => (
        <option key={option.id} value={option.id}>
          {option.label}
        </option>
      ))}
    </select>
  )
}
