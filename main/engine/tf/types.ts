/**
 * TF types (ROS geometry_msgs/TransformStamped, in engine units). Pure TypeScript.
 *
 * A transform with parentFrameId P and childFrameId C maps points from C to P: p_P = R·p_C + t (the ROS convention:
 * it is the pose of C expressed in P). Translation in metres, rotation a unit quaternion [x, y, z, w].
 */
import type { Vec3 } from '../types'

/** Unit quaternion [x, y, z, w]. */
export type Quat = [number, number, number, number]

/** A rigid transform: p_parent = rotate(rotation, p_child) + translationM. */
export interface RigidTransform {
  translationM: Vec3
  rotation: Quat
}

/** One stamped transform, as /tf and /tf_static carry them. */
export interface TransformStamped extends RigidTransform {
  parentFrameId: string
  childFrameId: string
  /** Stamp in ns since the Unix epoch (header.stamp). */
  timeNs: bigint
  /** True for /tf_static (valid at all times). */
  isStatic: boolean
}
