#!/usr/bin/env python3
"""Regenerates crates/map/data/outlines.bin.gz, the country and state outlines the map crate embeds.

Sources (pinned npm packages, read straight from their tarballs, never installed):
  world-atlas  Natural Earth 1:50m admin-0 countries as TopoJSON (public domain data).
  us-atlas     US Census Bureau 2017 cartographic state boundaries as TopoJSON (public domain).

Usage:  python3 scripts/build-outlines.py [--tarballs DIR] [--out crates/map/data/outlines.bin.gz]
Without --tarballs the pinned packages are fetched with `npm pack`.
The output format is described in crates/map/data/README.md.
"""

import argparse
import gzip
import heapq
import json
import math
import struct
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGES = {
    "world-atlas": "2.0.2",
    "us-atlas": "3.0.1",
}

# (layer name, package, file in the package, TopoJSON object, simplification threshold).
# The threshold is Visvalingam's effective area in km²: a vertex whose triangle with its
# neighbours is smaller is dropped. 1:50m Natural Earth is far more detailed than any view the
# renderer draws of another country, so it is thinned hard; Census states, which people zoom
# into, less so.
LAYERS = [
    ("countries", "world-atlas", "countries-50m.json", "countries", 4.0),
    ("states", "us-atlas", "states-10m.json", "states", 0.5),
]

# Natural Earth features that the Census states layer draws better (it has the Great Lakes
# and a finer coast). The renderer skips countries flagged with these ISO 3166 numeric codes
# wherever the states layer is drawn.
REPLACED_BY_STATES = {"840", "630", "850", "316", "016", "580"}

MAGIC = b"rallybot-outlines\x001\x00"
KM_PER_DEGREE = 111.195


def fetch_tarballs(dest):
    for name, version in PACKAGES.items():
        subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=dest, check=True,
                       stdout=subprocess.DEVNULL)


def read_package_json(tarballs, package, member):
    path = Path(tarballs) / f"{package}-{PACKAGES[package]}.tgz"
    if not path.exists():
        sys.exit(f"missing {path.name} in {tarballs}")
    with tarfile.open(path, "r:gz") as tar:
        return json.load(tar.extractfile(f"package/{member}"))


def decode_arcs(topology):
    """TopoJSON arcs as lists of absolute (x, y) grid positions (undoing the delta encoding).

    Positions stay on the file's integer grid; the transform that maps them to degrees is
    written alongside, so nothing is lost or rounded here.
    """
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x, y))
        arcs.append(points)
    return arcs


def polygons_of(geometry):
    """A geometry's polygons, each a list of rings, each a list of arc references."""
    kind = geometry["type"]
    if kind == "Polygon":
        return [geometry["arcs"]]
    if kind == "MultiPolygon":
        return geometry["arcs"]
    if kind is None:
        return []
    sys.exit(f"unexpected geometry type {kind}")


def simplify(points, transform, threshold_km2):
    """Visvalingam-Whyatt: repeatedly drops the vertex with the smallest effective area.

    Only whole arcs are simplified, never rings, so a border two features share stays one
    line. Ends are always kept, and a closed arc (an island) keeps at least four points so it
    is still a ring. Areas are measured in km (x shrunk by cos latitude) so the threshold
    means the same near the equator and in Alaska.
    """
    n = len(points)
    keep_at_least = 4 if points[0] == points[-1] else 2
    if n <= keep_at_least:
        return points
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    km = []
    for x, y in points:
        lat = ty + y * sy
        km.append(((tx + x * sx) * KM_PER_DEGREE * math.cos(math.radians(lat)),
                   lat * KM_PER_DEGREE))

    def area(i):
        (ax, ay), (bx, by), (cx, cy) = km[prev[i]], km[i], km[nxt[i]]
        return abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2

    prev = list(range(-1, n - 1))
    nxt = list(range(1, n + 1))
    alive = [True] * n
    heap = [(area(i), i) for i in range(1, n - 1)]
    heapq.heapify(heap)
    current = {i: a for a, i in heap}
    remaining = n
    while heap and remaining > keep_at_least:
        a, i = heapq.heappop(heap)
        if not alive[i] or current[i] != a:
            continue  # a stale entry: the vertex's area changed since it was pushed
        if a >= threshold_km2:
            break
        alive[i] = False
        remaining -= 1
        p, q = prev[i], nxt[i]
        nxt[p], prev[q] = q, p
        for j in (p, q):
            if 0 < j < n - 1:
                # The usual refinement: a neighbour never gets a smaller area than the vertex
                # just removed, so removal order follows visual importance.
                current[j] = max(area(j), a)
                heapq.heappush(heap, (current[j], j))
    return [pt for pt, live in zip(points, alive) if live]


def varint(value, out):
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def svarint(value, out):
    varint(value * 2 if value >= 0 else -value * 2 - 1, out)  # zigzag


def text(value, out):
    data = value.encode("utf-8")
    varint(len(data), out)
    out.extend(data)


def build_layer(name, topology, object_name, threshold_km2, out):
    geometries = topology["objects"][object_name]["geometries"]
    arcs = decode_arcs(topology)
    # Keep only arcs this object uses, numbered in first use, so the file holds no arcs of
    # other objects (us-atlas also has a merged nation) and its order follows the features'.
    renumber = {}
    for g in geometries:
        for polygon in polygons_of(g):
            for ring in polygon:
                for ref in ring:
                    renumber.setdefault(ref if ref >= 0 else ~ref, len(renumber))
    used = sorted(renumber, key=renumber.get)
    simplified = [simplify(arcs[i], topology["transform"], threshold_km2) for i in used]

    text(name, out)
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out.extend(struct.pack("<4d", sx, sy, tx, ty))
    varint(len(simplified), out)
    for points in simplified:
        varint(len(points), out)
        px = py = 0
        for x, y in points:
            svarint(x - px, out)
            svarint(y - py, out)
            px, py = x, y
    varint(len(geometries), out)
    for g in geometries:
        code = str(g.get("id") or "")
        text(code, out)
        text(g["properties"]["name"], out)
        out.append(1 if name == "countries" and code in REPLACED_BY_STATES else 0)
        polygons = polygons_of(g)
        varint(len(polygons), out)
        for polygon in polygons:
            varint(len(polygon), out)
            for ring in polygon:
                varint(len(ring), out)
                for ref in ring:
                    svarint(renumber[ref] if ref >= 0 else ~renumber[~ref], out)
    before = sum(len(arcs[i]) for i in used)
    after = sum(len(p) for p in simplified)
    return f"{name}: {len(geometries)} features, {len(used)} arcs, {before} -> {after} points"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarballs", help="directory holding the pinned npm tarballs")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent
                                             / "crates" / "map" / "data" / "outlines.bin.gz"))
    args = parser.parse_args()
    if args.tarballs is None:
        with tempfile.TemporaryDirectory(prefix="outlines-npm-") as tarballs:
            fetch_tarballs(tarballs)
            build(tarballs, args.out)
    else:
        build(args.tarballs, args.out)


def build(tarballs, out_path):
    out = bytearray(MAGIC)
    varint(len(LAYERS), out)
    notes = []
    for name, package, member, object_name, threshold in LAYERS:
        topology = read_package_json(tarballs, package, member)
        notes.append(build_layer(name, topology, object_name, threshold, out))

    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "wb") as f:
        # mtime=0 and no file name keep the output byte-for-byte reproducible.
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as gz:
            gz.write(bytes(out))
    for note in notes:
        print(note)
    print(f"{out_path}: {len(out)} bytes raw, {Path(out_path).stat().st_size} compressed")


if __name__ == "__main__":
    main()
