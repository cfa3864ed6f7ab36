#!/usr/bin/env python3
"""Open3D baseline for `spatial-lens eval scenes` on frames with region prompts (SUN RGB-D rooms).

Open3D gets the same region prompt pixels as Spatial Lens and does the textbook work on them:

  backproject  every valid depth pixel (numpy pinhole, so each point keeps its pixel)
  plane        the floor: up to 12 planes peeled off by Open3D's segment_plane (RANSAC, distance 0.02 m,
               1000 iterations, on a 0.02 m voxel grid); of those whose normal is within 35 degrees of the
               image's up (-y) and with >= 2 % of the points as inliers: the one with the most inliers among
               those with < 1 % of all points more than 0.05 m below them (the floor has nothing under it),
               else the one with the fewest points below
  per region   the points of the pixels inside the box (pixel u is inside when its centre u + 0.5 lies in
               [x0, x1), as in the engine), those more than 0.05 m above the floor, voxel_down_sample(0.02),
               cluster_dbscan(eps 0.05, min_points 10), the largest cluster
  box          plane-aligned box (bench/open3d_reference.py's footprint: minimum-area rectangle on the
               floor plane); vertical extent from the cluster's lowest point to its highest, and from the
               floor when the lowest point is within 0.15 m of it (the object stands on the floor)

Room-scale parameters (2 cm voxels, 5 cm DBSCAN radius) instead of the tabletop's 1 / 2 cm: SUN RGB-D's
sensors have centimetre noise at 2-5 m. They are fixed, not tuned per frame.

Prints ONE JSON line: {planeNormal, planeOffset, objects: [{label, centerInCamera, sizeM, yawRad, pointCount}
or {label, error}], open3dVersion, numpyVersion}. Camera frame: x right, y down, z forward, metres.

Usage: python3 bench/open3d_regions.py --depth D.png --intrinsics intrinsics.json --regions regions.json
  intrinsics.json: {width, height, fx, fy, cx, cy, depthScale?}; regions.json: [{label, box: [x0, y0, x1, y1]}]
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import numpy as np
    import open3d as o3d
    from open3d_reference import min_area_rect, plane_basis
except ImportError as error:
    sys.stderr.write(
        f"open3d_regions.py: cannot import {error.name} ({error}).\n"
        "Install Open3D for this interpreter, e.g. `sudo apt-get install python3-open3d` (Debian/Ubuntu, "
        "then use /usr/bin/python3) or `pip install open3d`.\n"
    )
    sys.exit(3)

VOXEL_M = 0.02
PLANE_THRESHOLD_M = 0.02
PLANE_ITERATIONS = 1000
MAX_PLANES = 12
MIN_PLANE_SHARE = 0.02
MAX_FLOOR_TILT_DEG = 35.0
BELOW_FLOOR_M = 0.05
MAX_SHARE_BELOW = 0.01
ABOVE_FLOOR_M = 0.05
DBSCAN_EPS_M = 0.05
DBSCAN_MIN_POINTS = 10
STANDS_ON_FLOOR_M = 0.15


def read_depth_m(path, depth_scale):
    depth = np.asarray(o3d.io.read_image(path))
    if depth.size == 0:
        raise RuntimeError(f"cannot read depth image {path}")
    if depth.dtype != np.uint16:
        raise RuntimeError(f"depth image {path} is {depth.dtype}, expected uint16")
    return depth.astype(np.float64) / depth_scale


def backproject(depth_m, fx, fy, cx, cy):
    """(h, w, 3) points in the camera frame; NaN where the depth is invalid."""
    height, width = depth_m.shape
    u, v = np.meshgrid(np.arange(width), np.arange(height))
    z = np.where(depth_m > 0, depth_m, np.nan)
    return np.stack([(u - cx) / fx * z, (v - cy) / fy * z, z], axis=-1)


def find_floor(points):
    """Floor plane (unit normal to the camera side, offset > 0) among the largest RANSAC planes."""
    cloud = o3d.geometry.PointCloud(o3d.utility.Vector3dVector(points)).voxel_down_sample(VOXEL_M)
    all_points = np.asarray(cloud.points)
    total = len(all_points)
    seed = getattr(getattr(o3d.utility, "random", None), "seed", None)
    if seed is not None:
        seed(0)
    best = None
    for _ in range(MAX_PLANES):
        if len(cloud.points) < 3:
            break
        model, inliers = cloud.segment_plane(PLANE_THRESHOLD_M, 3, PLANE_ITERATIONS)
        normal, offset = np.array(model[:3], dtype=float), float(model[3])
        scale = float(np.linalg.norm(normal))
        normal, offset = normal / scale, offset / scale
        if offset < 0:
            normal, offset = -normal, -offset
        is_level = -normal[1] > np.cos(np.radians(MAX_FLOOR_TILT_DEG))
        # The floor has nothing under it: a bed top or a plane slicing the room has the floor below.
        below = np.count_nonzero(all_points @ normal + offset < -BELOW_FLOOR_M) / total
        if is_level and len(inliers) >= MIN_PLANE_SHARE * total:
            key = (below >= MAX_SHARE_BELOW, below if below >= MAX_SHARE_BELOW else 0.0, -len(inliers))
            if best is None or key < best[2]:
                best = (normal, offset, key)
        cloud = cloud.select_by_index(inliers, invert=True)
    if best is None:
        raise RuntimeError("no floor plane: no large plane within 35 degrees of the image's up")
    return best[0], best[1]


def region_points(points, box):
    height, width = points.shape[:2]
    u0 = max(0, int(np.ceil(box[0] - 0.5)))
    u1 = min(width, int(np.ceil(box[2] - 0.5)))
    v0 = max(0, int(np.ceil(box[1] - 0.5)))
    v1 = min(height, int(np.ceil(box[3] - 0.5)))
    crop = points[v0:v1, u0:u1].reshape(-1, 3)
    return crop[np.isfinite(crop[:, 2])]


def largest_cluster(points):
    cloud = o3d.geometry.PointCloud(o3d.utility.Vector3dVector(points)).voxel_down_sample(VOXEL_M)
    labels = np.asarray(cloud.cluster_dbscan(eps=DBSCAN_EPS_M, min_points=DBSCAN_MIN_POINTS))
    if labels.size == 0 or labels.max() < 0:
        return None
    biggest = int(np.argmax(np.bincount(labels[labels >= 0])))
    return np.asarray(cloud.points)[labels == biggest]


def floor_aligned_box(points, normal, offset):
    heights = points @ normal + offset
    u, v = plane_basis(normal)
    centre_uv, (extent_a, extent_b), angle = min_area_rect(np.stack([points @ u, points @ v], axis=1))
    low, top = float(heights.min()), float(heights.max())
    bottom = 0.0 if low < STANDS_ON_FLOOR_M else low
    origin = -offset * normal
    centre = origin + centre_uv[0] * u + centre_uv[1] * v + ((bottom + top) / 2.0) * normal
    return {
        "centerInCamera": [float(x) for x in centre],
        "sizeM": {"width": extent_a, "depth": extent_b, "height": top - bottom},
        "yawRad": angle,
        "pointCount": int(len(points)),
    }


def object_for_region(points, region, normal, offset):
    crop = region_points(points, region["box"])
    above = crop[crop @ normal + offset > ABOVE_FLOOR_M]
    if len(above) < DBSCAN_MIN_POINTS:
        return {"label": region["label"], "error": "no depth above the floor inside the region"}
    cluster = largest_cluster(above)
    if cluster is None:
        return {"label": region["label"], "error": "DBSCAN found no cluster inside the region"}
    return {"label": region["label"], **floor_aligned_box(cluster, normal, offset)}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--depth", required=True, help="depth PNG (uint16)")
    parser.add_argument("--intrinsics", required=True, help="intrinsics.json: width, height, fx, fy, cx, cy, depthScale")
    parser.add_argument("--regions", required=True, help='JSON file: [{"label": ..., "box": [x0, y0, x1, y1]}]')
    args = parser.parse_args(argv)
    with open(args.intrinsics, encoding="utf-8") as file:
        k = json.load(file)
    with open(args.regions, encoding="utf-8") as file:
        regions = json.load(file)
    depth_m = read_depth_m(args.depth, float(k.get("depthScale", 1000)))
    if depth_m.shape != (k["height"], k["width"]):
        raise RuntimeError(f"depth is {depth_m.shape[1]}x{depth_m.shape[0]}, intrinsics say {k['width']}x{k['height']}")
    points = backproject(depth_m, k["fx"], k["fy"], k["cx"], k["cy"])
    normal, offset = find_floor(points[np.isfinite(points[:, :, 2])])
    objects = [object_for_region(points, region, normal, offset) for region in regions]
    result = {
        "planeNormal": [float(x) for x in normal],
        "planeOffset": offset,
        "objects": objects,
        "open3dVersion": o3d.__version__,
        "numpyVersion": np.__version__,
    }
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as error:  # one clear line instead of a traceback wall
        sys.stderr.write(f"open3d_regions.py: {type(error).__name__}: {error}\n")
        sys.exit(1)
