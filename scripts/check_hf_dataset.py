#!/usr/bin/env python3
"""Checks that a `spatial-lens synth` dataset loads with Hugging Face `datasets`' JSON builder, without `datasets`.

    python3 scripts/check_hf_dataset.py DATASET_DIR [--data-files 'shards/*.jsonl'] [--json]

Stdlib only (`datasets` and pyarrow cannot be installed everywhere). What it checks is what the JSON builder and
Arrow's type inference require of the files that

    load_dataset("json", data_files="DATASET_DIR/shards/*.jsonl", split="train")

reads (each file is read into its own Arrow table, and every table is cast to the schema of the first one):

1. every non-empty line is one JSON object (no arrays or scalars, no NaN/Infinity, valid UTF-8);
2. one type per column, across every row of every file: for each field path (`scene.objects[].size_m.width`) the
   non-null values are all bool, all integer, all float, all string, all list or all object. Integer and float are
   different Arrow types (int64, double): a file whose values of a float field are all written as integers ("1")
   is read as int64 and does not cast to another file's double;
3. no column that is null (or an empty list) in every row of one file but not in another: Arrow types it `null`
   there, and a `null` column cannot take another file's values ("Couldn't cast array of type double to null");
4. the same keys for an object field wherever it occurs (a struct with other fields does not cast);
5. `image` paths relative to the dataset folder, inside it, and existing.

Exit 0 when the dataset passes, 1 with one line per problem (at most 20 per rule) when not, 2 for bad usage.
"""

import argparse
import glob
import json
import os
import sys

MAX_REPORTED = 20


def kind_of(value):
    """The Arrow-relevant kind of a JSON value as Python's json module parsed it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    return "object"


def walk(value, path, seen):
    """Records, per field path, the kinds seen and the key sets of objects (list items share the path `x[]`)."""
    kind = kind_of(value)
    entry = seen.setdefault(path, {"kinds": set(), "keys": set()})
    entry["kinds"].add(kind)
    if kind == "object":
        entry["keys"].add(tuple(sorted(value)))
        for key, child in value.items():
            walk(child, f"{path}.{key}" if path else key, seen)
    elif kind == "list":
        for item in value:
            walk(item, f"{path}[]", seen)


def reject_constant(name):
    raise ValueError(f"{name} is not JSON (Arrow's JSON reader rejects it)")


def read_file(path, problems):
    """Field kinds of one file, or None when a line is not a JSON object (reported)."""
    seen = {}
    rows = 0
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8").strip()
            except UnicodeDecodeError:
                problems["lines"].append(f"{path}:{number}: not UTF-8")
                return None, rows
            if not line:
                continue
            try:
                value = json.loads(line, parse_constant=reject_constant)
            except ValueError as error:
                problems["lines"].append(f"{path}:{number}: not JSON: {error}")
                return None, rows
            if not isinstance(value, dict):
                problems["lines"].append(f"{path}:{number}: a {kind_of(value)}, not a JSON object")
                return None, rows
            rows += 1
            walk(value, "", seen)
            check_image(value, path, number, problems)
    seen.pop("", None)
    return seen, rows


def check_image(row, path, number, problems):
    image = row.get("image")
    if image is None:
        return
    root = problems["root"]
    if not isinstance(image, str) or os.path.isabs(image) or ".." in image.replace("\\", "/").split("/"):
        problems["images"].append(f"{path}:{number}: image {image!r} is not a path relative to the dataset folder")
    elif not os.path.isfile(os.path.join(root, image)):
        problems["images"].append(f"{path}:{number}: image {image} does not exist in {root}")


def arrow_type(kinds):
    """The Arrow type a file's column gets from its kinds (int and float promote to double within one file)."""
    real = kinds - {"null"}
    if not real:
        return "null"
    if real == {"int", "float"}:
        return "double"
    if len(real) == 1:
        return {"bool": "bool", "int": "int64", "float": "double", "string": "string"}.get(
            next(iter(real)), next(iter(real))
        )
    return "mixed(" + ", ".join(sorted(real)) + ")"


def check(root, pattern):
    """Problems by rule, the files read, the row count and the top-level columns' Arrow types."""
    problems = {"root": root, "lines": [], "types": [], "nulls": [], "keys": [], "images": []}
    files = sorted(glob.glob(os.path.join(root, pattern)))
    if not files:
        problems["lines"].append(f"no files match {os.path.join(root, pattern)}")
    per_file = {}
    total_rows = 0
    for path in files:
        seen, rows = read_file(path, problems)
        total_rows += rows
        if seen is not None and rows > 0:
            per_file[os.path.relpath(path, root)] = seen
    everywhere = {}
    for seen in per_file.values():
        for field, entry in seen.items():
            merged = everywhere.setdefault(field, {"kinds": set(), "keys": set()})
            merged["kinds"] |= entry["kinds"]
            merged["keys"] |= entry["keys"]
    for field, entry in sorted(everywhere.items()):
        check_field(field, entry, per_file, everywhere, problems)
    columns = {
        field: arrow_type(entry["kinds"]) for field, entry in everywhere.items() if "." not in field and "[" not in field
    }
    return problems, files, total_rows, columns


def check_field(field, entry, per_file, everywhere, problems):
    """Rules 2-4 for one field path, over all files (`per_file`: relative path → that file's kinds by field)."""
    real = entry["kinds"] - {"null"}
    if len(real) > 1:
        where = [f"{p}: {arrow_type(s[field]['kinds'])}" for p, s in per_file.items() if field in s]
        problems["types"].append(f"{field}: {' and '.join(sorted(real))} in the same column ({'; '.join(where[:4])})")
    if len(entry["keys"]) > 1:
        variants = " vs ".join("{" + ", ".join(keys) + "}" for keys in sorted(entry["keys"]))
        problems["keys"].append(f"{field}: objects with different keys: {variants}")
    if real:
        null_only = [p for p, s in per_file.items() if field in s and not (s[field]["kinds"] - {"null"})]
        if null_only:
            problems["nulls"].append(
                f"{field}: null in every row of {len(null_only)} file(s) (e.g. {null_only[0]}), "
                f"{' / '.join(sorted(real))} elsewhere"
            )
    # An empty list in every row of a file: its items' column is typed null there.
    item = f"{field}[]"
    if "list" in real and everywhere.get(item, {"kinds": set()})["kinds"] - {"null"}:
        no_items = {"kinds": set()}
        empty_only = [
            p
            for p, s in per_file.items()
            if "list" in s.get(field, no_items)["kinds"] and not (s.get(item, no_items)["kinds"] - {"null"})
        ]
        if empty_only:
            problems["nulls"].append(
                f"{field}: an empty list in every row of {len(empty_only)} file(s) (e.g. {empty_only[0]})"
            )


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", help="the dataset folder (where manifest.json is)")
    parser.add_argument("--data-files", default="shards/*.jsonl", help="glob of the JSONL files, relative to it")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.dataset):
        print(f"check_hf_dataset: {args.dataset} is not a folder", file=sys.stderr)
        return 2
    root = os.path.abspath(args.dataset)
    problems, files, rows, columns = check(root, args.data_files)
    found = []
    for rule in ("lines", "types", "nulls", "keys", "images"):
        found += problems[rule][:MAX_REPORTED]
        if len(problems[rule]) > MAX_REPORTED:
            found.append(f"… and {len(problems[rule]) - MAX_REPORTED} more of this kind")
    if args.json:
        print(json.dumps({"ok": not found, "files": len(files), "rows": rows, "columns": columns, "problems": found}))
    else:
        for line in found:
            print(line)
        verdict = "loadable" if not found else f"NOT loadable ({len(found)} problem(s))"
        print(f"{len(files)} file(s), {rows} row(s), {len(columns)} column(s): {verdict} by")
        print(f'  load_dataset("json", data_files="{os.path.join(root, args.data_files)}", split="train")')
    return 0 if not found else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
