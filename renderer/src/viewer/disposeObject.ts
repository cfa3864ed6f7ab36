import type { Material, Object3D } from 'three'
import { CSS2DObject } from 'three/examples/jsm/renderers/CSS2DRenderer.js'

/**
 * Frees what a subtree owns on the GPU (geometries, materials, their textures) and removes its
 * label elements from the DOM, then detaches it. The subtree must not share geometry or materials
 * with anything that stays in the scene.
 */
export function disposeObject(root: Object3D): void {
  root.traverse((object) => {
    if (object instanceof CSS2DObject) object.element.remove()
    const { geometry, material } = object as Object3D & {
      geometry?: { dispose(): void }
      material?: Material | Material[]
    }
    geometry?.dispose()
    for (const item of Array.isArray(material) ? material : material ? [material] : [])
      disposeMaterial(item)
  })
  root.removeFromParent()
}

function disposeMaterial(material: Material): void {
  for (const value of Object.values(material)) {
    if (value && typeof value === 'object' && 'isTexture' in value)
      (value as { dispose(): void }).dispose()
  }
  material.dispose()
}
