#!/usr/bin/env python3
"""Writes N schema.org JobPosting records as JSON Lines to stdout, for `make bench` (import speed).
Invented ads in the shapes employers publish (PropertyValue ids, address with or without @type,
salaries as numbers and German strings, employment types in odd casing); towns and postcodes from
content/places-de-postcodes.tsv. Deterministic for a given N. Usage: scripts/jobpostings.py N"""
import datetime
import json
import random
import sys
from pathlib import Path

n = int(sys.argv[1])
rng = random.Random(n)
root = Path(__file__).resolve().parent.parent
places = [line.split("\t") for line in (root / "content/places-de-postcodes.tsv").read_text().splitlines()[1:]]
nrw = [p for p in places if p[2] == "NW"]
titles = ["Medienassistent (m/w/d)", "Mediengestalter/in Digital und Print", "Junior Social Media Manager:in",
          "Videoeditor (w/m/d)", "Fotograf*in", "Online-Redakteur (m/w/d)", "Fachkraft für Veranstaltungstechnik",
          "Senior Mediengestalter (m/w/d)", "Werkstudent Social Media (m/w/d)", "Cutter/in in Teilzeit"]
employers = ["Zeche Nord GmbH", "Revier Druck GmbH & Co. KG", "Agentur Halde Neun", "Stadt Herne",
             "Ruhrbühne Events GmbH", "Westwärts Verlag GmbH", "Pixelpott UG (haftungsbeschränkt)"]
words = ("Sie betreuen unsere Kanäle, schneiden Videos, gestalten Layouts für Print und Web, planen Beiträge, "
         "arbeiten mit Adobe Photoshop, InDesign und Premiere Pro und stimmen sich mit Redaktion, Vertrieb und "
         "Kundschaft ab. Wir bieten ein kollegiales Team, flexible Arbeitszeiten, Homeoffice nach Absprache und "
         "Weiterbildung. Erste Berufserfahrung ist willkommen.").split()
today = datetime.date.today()
out = sys.stdout
for i in range(n):
    place = rng.choice(nrw if rng.random() < 0.7 else places)
    posted = today - datetime.timedelta(days=rng.randrange(0, 40))
    text = " ".join(rng.choice(words) for _ in range(rng.randrange(180, 420)))
    address = {"postalCode": place[0], "addressLocality": place[1].split(" ")[0], "addressCountry": "DE"}
    if rng.random() < 0.5:
        address["@type"] = "PostalAddress"
    low = rng.randrange(2200, 3800, 50)
    salary = rng.choice([
        None,
        {"@type": "MonetaryAmount", "currency": "EUR",
         "value": {"@type": "QuantitativeValue", "minValue": low, "maxValue": low + 400, "unitText": "MONTH"}},
        {"@type": "MonetaryAmount", "currency": "EUR",
         "value": {"value": f"{low * 12 // 1000}.{low * 12 % 1000:03d}", "unitText": "YEAR"}},
    ])
    ad = {
        "@context": "https://schema.org", "@type": "JobPosting",
        "identifier": {"@type": "PropertyValue", "name": "bench", "value": f"bench-{i}"},
        "title": rng.choice(titles),
        "description": f"<p>{text}</p><ul><li>Aufgabe eins</li><li>Aufgabe zwei</li></ul>",
        "datePosted": posted.isoformat(),
        "validThrough": (posted + datetime.timedelta(days=60)).isoformat() + "T23:59:00+01:00",
        "employmentType": rng.choice(["FULL_TIME", ["full_time", "PART-TIME"], "Part_Time"]),
        "hiringOrganization": {"@type": "Organization", "name": rng.choice(employers), "sameAs": "https://bench.example"},
        "jobLocation": {"@type": "Place", "address": address},
        "url": f"https://bench.example/jobs/{i}",
    }
    if salary:
        ad["baseSalary"] = salary
    out.write(json.dumps(ad, ensure_ascii=False))
    out.write("\n")
