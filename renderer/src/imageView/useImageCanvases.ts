import { useEffect, useMemo, useRef } from 'react'
import type { SceneResult } from '../../../main/contract/channels'
import { boxColor } from '../viewer/buildObjectBox'
import { layerRgb, type ImageLayer } from './imageLayers'
import { paintMasks, paintRgb, rgbOfHex } from './paintImage'
import type { ViewTransform } from './viewport'

/**
 * The two canvases of the image view, painted when their content changes: the chosen layer of
 * the colour image, and each object's mask in its box colour (`highlightedName`'s emphasised);
 * `canvasStyle` places both where `transform` shows the image.
 */
export function useImageCanvases(
  { summary, image }: Pick<SceneResult, 'summary' | 'image'>,
  layer: ImageLayer,
  highlightedName: string | null,
  transform: ViewTransform,
) {
  const imageCanvasRef = useRef<HTMLCanvasElement>(null)
  const maskCanvasRef = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (imageCanvasRef.current)
      paintRgb(imageCanvasRef.current, { ...image, rgb: layerRgb(image, layer) })
  }, [image, layer])

  const colorOfId = useMemo(
    () => new Map(summary.objects.map((object, index) => [object.id, rgbOfHex(boxColor(index))])),
    [summary.objects],
  )
  const emphasisedId = summary.objects.find((object) => object.name === highlightedName)?.id ?? null
  useEffect(() => {
    if (maskCanvasRef.current) paintMasks(maskCanvasRef.current, image, colorOfId, emphasisedId)
  }, [image, colorOfId, emphasisedId])
  const { width, height } = summary.intrinsics
  const canvasStyle = {
    left: transform.offsetX,
    top: transform.offsetY,
    width: width * transform.scale,
    height: height * transform.scale,
    // Magnified past 2 screen pixels per image pixel: show the pixels rather than blur them.
    imageRendering: transform.scale * (width / image.width) > 2 ? 'pixelated' : 'auto',
  } as const
  return { imageCanvasRef, maskCanvasRef, canvasStyle }
}
