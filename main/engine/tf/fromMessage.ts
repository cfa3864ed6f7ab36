/**
 * Decoded tf2_msgs/TFMessage (ROS 2, ROS 1) and legacy ROS 1 tf/tfMessage → TransformStamped. Pure TypeScript:
 * works on the plain objects the ROS deserialisers return.
 */
import type { Quat, TransformStamped } from './types'

interface RosTime {
  sec?: number
  secs?: number
  nanosec?: number
  nsec?: number
  nsecs?: number
}

/** Nanoseconds of a ROS time (ROS 2 {sec, nanosec}, ROS 1 {sec, nsec} / {secs, nsecs}). */
export function rosTimeToNs(stamp: unknown): bigint {
  const t = (stamp ?? {}) as RosTime
  const sec = t.sec ?? t.secs ?? 0
  const nsec = t.nanosec ?? t.nsec ?? t.nsecs ?? 0
  return BigInt(Math.trunc(sec)) * 1_000_000_000n + BigInt(Math.trunc(nsec))
}

/**
 * Transforms of one TFMessage. Works for tf2_msgs/TFMessage and tf/tfMessage (same layout: transforms[] of
 * geometry_msgs/TransformStamped).
 * @throws RangeError when the message has no transforms array or a transform lacks its fields.
 */
export function transformsFromTfMessage(message: unknown, isStatic: boolean): TransformStamped[] {
  const list = (message as { transforms?: unknown }).transforms
  if (!Array.isArray(list)) throw new RangeError('TF message has no "transforms" array')
  return list.map((item) => {
    const t = item as {
      header?: { stamp?: unknown; frame_id?: string }
      child_frame_id?: string
      transform?: { translation?: Record<string, number>; rotation?: Record<string, number> }
    }
    const tr = t.transform?.translation
    const rot = t.transform?.rotation
    if (
      !tr ||
      !rot ||
      typeof t.header?.frame_id !== 'string' ||
      typeof t.child_frame_id !== 'string'
    ) {
      throw new RangeError('TF transform lacks header.frame_id, child_frame_id or transform')
    }
    return {
      parentFrameId: t.header.frame_id,
      childFrameId: t.child_frame_id,
      timeNs: rosTimeToNs(t.header.stamp),
      translationM: [tr.x, tr.y, tr.z],
      rotation: [rot.x, rot.y, rot.z, rot.w] as Quat,
      isStatic,
    }
  })
}
