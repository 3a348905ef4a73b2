#!/usr/bin/env python3
"""Runs `parallax compare` over real article folders and checks each report against the JSON
contract (docs/report-json.md of the design): fields, types, ids, offsets, determinism.

  python3 .ci/check-reports.py BIN CORPUS_DIR

CORPUS_DIR holds `seeds/` (one folder of articles) and `basil-dev/` (one folder per event).
Exits non-zero on the first folder whose report breaks the contract.
"""
import glob
import json
import os
import subprocess
import sys


def fail(folder, message):
    print(f"check-reports: {folder}: {message}", file=sys.stderr)
    sys.exit(1)


def check(folder, report, files):
    top = ["schema", "generator", "documents", "quotes", "quote_groups", "sentence_groups", "framing", "omissions"]
    for key in top:
        if key not in report:
            fail(folder, f"missing top-level field {key}")
    if report["schema"] != "parallax.report/1":
        fail(folder, f"schema is {report['schema']!r}")
    for key in top[2:]:
        if not isinstance(report[key], list):
            fail(folder, f"{key} is not a list")
    docs = report["documents"]
    if len(docs) != len(files):
        fail(folder, f"{len(docs)} documents for {len(files)} files; problems: {report.get('problems')}")
    for i, (doc, path) in enumerate(zip(docs, files)):
        if doc["id"] != f"d{i}" or doc["path"] != path:
            fail(folder, f"document {i} is {doc['id']} {doc['path']}")
        for key in ["title", "outlet", "date", "syndicated_from"]:
            if key not in doc or not (doc[key] is None or isinstance(doc[key], str)):
                fail(folder, f"{doc['id']}.{key} missing or not a string/null")
        if doc["date"] is not None and not (len(doc["date"]) == 10 and doc["date"][4] == "-" and doc["date"][7] == "-"):
            fail(folder, f"{doc['id']}.date {doc['date']!r} is not ISO")
        source = open(path, "rb").read()
        lines = source.decode("utf-8", errors="replace").split("\n")
        kept = doc["kept_lines"]
        if not kept or kept != sorted(set(kept)) or kept[-1] > len(lines):
            fail(folder, f"{doc['id']}.kept_lines out of order or range")
        removed_lines = {r["line"] for r in doc["removed"]}
        if removed_lines & set(kept):
            fail(folder, f"{doc['id']}: a line both kept and removed")
        for r in doc["removed"]:
            if not r.get("reason") or not isinstance(r.get("text"), str):
                fail(folder, f"{doc['id']}: removed line without reason or text")
        if not doc["sentences"]:
            fail(folder, f"{doc['id']}: no sentences")
        previous_end = 0
        for n, s in enumerate(doc["sentences"]):
            if s["index"] != n or not (previous_end <= s["start"] < s["end"] <= len(source)):
                fail(folder, f"{doc['id']} sentence {n}: bad index or offsets")
            piece = source[s["start"]:s["end"]].decode("utf-8", errors="replace")
            if " ".join(piece.split()) != s["text"]:
                fail(folder, f"{doc['id']} sentence {n}: offsets do not give its text")
            previous_end = s["end"]
    sources = {doc["id"]: open(path, "rb").read() for doc, path in zip(docs, files)}

    def check_wording(where, v):
        source = sources.get(v.get("doc"))
        if source is None or not (0 <= v["start"] < v["end"] <= len(source)):
            fail(folder, f"{where}: bad document or offsets {v}")
        piece = source[v["start"]:v["end"]].decode("utf-8", errors="replace")
        if " ".join(piece.split()) != v["text"]:
            fail(folder, f"{where}: offsets give {piece!r}, not {v['text']!r}")

    kinds = {"label", "term", "verb", "scare_quote", "substitution", "hedge", "loaded", "wording"}
    shown, more = report["framing"], report.get("framing_more", [])
    for f in shown + more:
        if f.get("kind") not in kinds or not f.get("concept") or not f.get("note") or not f.get("variants"):
            fail(folder, f"framing {f.get('id')}: missing kind, concept, note or variants")
        for v in f["variants"]:
            check_wording(f"framing {f['id']}", v)
    # What the default view shows is what Parallax is sure of; the rest is less certain.
    if any(f["confidence"] < 0.5 for f in shown) or any(f["confidence"] >= 0.5 for f in more):
        fail(folder, "framing and framing_more are not cut at confidence 0.5")
    if [f["id"] for f in shown + more] != [f"f{k}" for k in range(len(shown) + len(more))]:
        fail(folder, "framing ids are not f0, f1, ... across framing and framing_more")
    for person in report.get("labels", []):
        if not person.get("name") or not person.get("labels"):
            fail(folder, f"labels: a person without a name or labels: {person}")
        for v in person["labels"]:
            check_wording(f"labels of {person['name']}", v)
    story = report.get("story")
    if not story or story.get("verdict") not in {"same_event", "related", "unrelated"}:
        fail(folder, f"story missing or with an unknown verdict: {story}")
    grouped = sorted(d for g in story["groups"] for d in g)
    if grouped != sorted(sources):
        fail(folder, f"story groups are not a partition of the documents: {story['groups']}")
    event = {d: k for k, g in enumerate(story["groups"]) for d in g}
    for o in report["omissions"]:
        if o["doc"] not in o.get("carried_by", []) or set(o["missing_from"]) & set(o["carried_by"]):
            fail(folder, f"omission of {o['doc']}: carried_by {o.get('carried_by')} and missing_from overlap or miss the carrier")
        if any(event[d] != event[o["doc"]] for d in o["missing_from"]):
            fail(folder, f"omission of {o['doc']} claimed across events: {o['missing_from']}")
    ranks = [o["importance"] for o in report["omissions"]]
    if ranks != sorted(ranks, reverse=True):
        fail(folder, "omissions are not ranked most telling first")
    for entry in report.get("vocabulary", []):
        if entry.get("doc") not in sources:
            fail(folder, f"vocabulary for unknown document {entry.get('doc')}")
        zs = [w["z"] for w in entry["words"]]
        if zs != sorted(zs, reverse=True) or any(w["count"] < 1 for w in entry["words"]):
            fail(folder, f"vocabulary of {entry['doc']}: not ranked, or a word never used")


def run(binary, folder, files):
    out = []
    for _ in range(2):
        p = subprocess.run([binary, "compare", "--format", "json", *files], capture_output=True, timeout=300)
        if p.returncode != 0:
            fail(folder, f"exit {p.returncode}: {p.stderr.decode(errors='replace')[:400]}")
        out.append(p.stdout)
    if out[0] != out[1]:
        fail(folder, "two runs gave different reports")
    return json.loads(out[0])


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    folders = [os.path.join(corpus, "seeds")] + sorted(glob.glob(os.path.join(corpus, "basil-dev", "*")))
    checked = 0
    for folder in folders:
        files = sorted(f for f in glob.glob(os.path.join(folder, "*")) if f.endswith((".txt", ".md", ".html", ".htm")))
        if not files:
            continue
        report = run(binary, folder, files)
        check(folder, report, files)
        # The bars on the story: the seeds are five news moments, not one event; each
        # BASIL folder is one event.
        verdict = report["story"]["verdict"]
        if folder.endswith("seeds") and (verdict == "same_event" or report["omissions"]):
            fail(folder, f"the seeds are not one event: {verdict}, {len(report['omissions'])} omissions")
        if folder.endswith("seeds"):
            # The framing bars: at most 12 shown, the annexation pair and Peskov's labels among
            # them, and no label told apart by spelling alone.
            framing = report["framing"]
            if len(framing) > 12:
                fail(folder, f"{len(framing)} framing findings shown on the seeds (at most 12)")
            if not any(f["kind"] == "term" and {"annexation", "accepted into"} <= {v["text"] for v in f["variants"]} for f in framing):
                fail(folder, "the annexation pair is not among the seeds' framing")
            if not any(f["kind"] == "label" and "Peskov" in f["concept"] for f in framing):
                fail(folder, "Peskov's labels are not among the seeds' framing")
            for f in framing:
                spelled = {"".join(c for c in v["text"].lower() if c.isalnum()) for v in f["variants"]}
                if f["kind"] == "label" and len(spelled) == 1:
                    fail(folder, f"a label told apart by spelling alone: {f['concept']}")
        if "basil-dev" in folder and verdict != "same_event":
            fail(folder, f"a BASIL event read as {verdict}: {report['story']['groups']}")
        checked += 1
    if checked == 0:
        fail(corpus, "no article folders found")
    print(f"check-reports: {checked} folders, every report valid and deterministic")


if __name__ == "__main__":
    main()
