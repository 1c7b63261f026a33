"""sayso's error messages, each with a stable code, in one place.

Code raises ``SaysoError(Errors.E003.format(origin=..., detail=...))``; reading
``Errors.E003`` gives the message with its code in front (``"[E003] ..."``), so
users can search for the code and tests can match on it while the wording
changes. Every message names the input it is about and the reason.
"""

from __future__ import annotations


class SaysoError(Exception):
    """A problem with sayso's input or environment that the user can fix.

    ``code`` is the message's stable code ("E037"), so that callers (the server's
    HTTP statuses) tell errors apart without reading their text; None for an
    uncoded message.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        code = message[1:5] if message[:1] == "[" and message[5:6] == "]" else ""
        self.code: str | None = code if code[:1] in ("E", "W") and code[1:].isdigit() else None


class _Coded(type):
    """Prefix a message with its attribute name when it is read, as spaCy's errors do."""

    def __getattribute__(cls, code: str) -> str:
        message = super().__getattribute__(code)
        if code[:1] in "EW" and code[1:].isdigit():
            return f"[{code}] {message}"
        return message


class Errors(metaclass=_Coded):
    """Coded message templates; format them with the named fields."""

    # Reading input (sayso.ingest): one per document, the rest of the batch goes on.
    E001 = "{origin}: empty document (no text)"
    E002 = "{origin}: binary data (NUL bytes), not text"
    E003 = "{origin}: not valid UTF-8 ({detail})"
    E004 = "{origin}: text too long ({size}; the limit is {limit:,} characters)"
    E005 = "{origin}: malformed JSON ({detail})"
    E006 = "{origin}: JSONL record is {kind}, not an object"
    E007 = "{origin}: JSONL record has no {key} field"
    E008 = "{origin}: {key} is {kind}, not a string"
    E009 = "{origin}: {key} is {kind}, not a string or integer"
    E010 = "{origin}: no such file or directory"
    E011 = "{origin}: cannot read ({detail})"
    E012 = "{origin}: directory holds no {suffixes} files"
    E013 = "{origin}: text has an unpaired surrogate at character {position}, not valid Unicode"
    E014 = "{origin}: no article text found in the HTML"
    E015 = "{origin}: HTML too complex to extract from ({count:,} elements; the limit is {limit:,})"
    E016 = "{origin}: HTML extraction failed ({detail})"
    E017 = "{origin}: WARC file damaged at byte {offset:,} ({detail}); the records after it cannot be read"
    E018 = "{origin}: WARC file holds no HTML response records"
    E019 = "{origin}: no {suffixes} file matches this pattern"
    # Running the pipeline (sayso.batch).
    E020 = "{origin}: extraction failed ({detail})"
    # Store and output (fatal for a run).
    E030 = "{path}: cannot open the store ({detail})"
    E031 = "{path}: store schema version {found} is newer than this sayso ({supported})"
    E032 = "{path}: cannot write output ({detail})"
    E033 = "{path}: cannot write to the store ({detail})"
    E034 = "{url}: not a store (use sqlite:///PATH, a file path, or postgresql://USER@HOST:PORT/DATABASE)"
    E035 = "{path}: no such store; 'sayso extract ... --db {path}' or 'sayso ingest' creates it"
    E037 = "{path}: no article {key!r} (give an article id or a doc_id, or the start of either)"
    E038 = "{path}: {key!r} names several articles: {ids}; give more of it, or the id"
    # Annotated documents and models for training (sayso.formats, sayso train, --models): fatal for a run.
    E040 = "{path}: folder holds no brat .ann files"
    E041 = "{path}: brat annotation file has no text file {txt} beside it"
    E042 = (
        "{origin}: {ident} says {stored} but the text at {offsets} is {found} "
        "(offsets counted in another unit, e.g. UTF-16 after an emoji?)"
    )
    E043 = "{origin}: malformed brat annotation ({detail})"
    E044 = "{path}: annotated documents must be a .jsonl file or a folder of brat .txt/.ann pairs"
    E045 = "{path}: a second document named {doc_id!r} (the first is {first})"
    E046 = "doc_id {doc_id!r} cannot be written as brat files: it must be a plain file name"
    E047 = "{path}: no learned models here ({file} is missing); 'sayso train --out {path}' builds them"
    E048 = "training needs scikit-learn, which is not installed: pip install 'sayso[train]'"
    # Options for reading input (sayso.ingest): fatal for a run.
    E050 = "JSONL field mapping {option!r}: expected NAME=KEY, for example text=body"
    E051 = "JSONL field mapping {option!r}: unknown field {name!r} (the fields are {names})"
    # Reading input (sayso.ingest), continued: one per document, the rest of the batch goes on.
    E052 = "{origin}: cannot read the WARC record's content ({detail})"
    # Querying and exporting a store (sayso.store, sayso search/speakers/show/export): fatal for a run.
    E060 = "Parquet is a binary file format: give the file to write with --output FILE"
    E061 = "{path}: cannot read the store ({detail})"
    # Running a corpus into a store (sayso.runner, sayso ingest).
    E070 = (
        "{origin}: the worker process died while extracting it alone "
        "(killed, out of memory, or a crash in native code)"
    )
    E071 = (
        "the worker processes died on starting (a script that runs sayso with workers "
        "must start them under `if __name__ == \"__main__\":`)"
    )
    # Curating the speaker registry (sayso.corpus.speakers, sayso.corpus.curation): fatal for the one operation.
    E080 = "no speaker is called {name!r} (give a name form it was quoted under, or its id)"
    E081 = "{name!r} names {count} speakers: {ids}; give the id of the one you mean"
    E082 = "speaker {speaker!r}: {alias!r} is not one of its name forms, or is its only one (its forms: {aliases})"
    E083 = "{origin}: line {line}: {detail} (expected two columns: alias,canonical)"
    E084 = "curation operation {op!r} is not one of merge, split, alias"
    # Running the corpus job on an engine (sayso.scale, sayso scale): fatal for a run, except E094.
    E090 = "--engine spark needs PySpark, which is not installed: pip install 'sayso[spark]'"
    E091 = (
        "--engine spark needs a Java runtime (17 or newer): there is no java {where}; install one "
        "(Debian/Ubuntu: apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
    )
    E092 = "{path}: not the output of sayso scale (no {missing} folder of Parquet files)"
    E093 = "standard input ('-') cannot be shared out among workers: give files, folders, globs or a manifest"
    E094 = "{origin}: cannot read the Parquet file ({detail})"
    E095 = "a worker process died ({detail}); the same command redoes the run"
    E096 = "run id {run_id!r}: use letters, digits, '.', '_' and '-' only, at most 64, starting with a letter or digit"
    E097 = "the Spark job failed: {detail}"
    E098 = "{path}: the output of sayso scale is loaded on its own: ingest it without other PATHs"
    # Serving a store (sayso.serve, sayso serve): E100 and E101 stop the server from starting;
    # the others are the messages of HTTP error responses.
    E100 = "{path}: cannot read the token file ({detail})"
    E101 = (
        "the ingest token ({where}) is {problem}: give one of at least {minimum} characters, "
        "e.g. python -c 'import secrets; print(secrets.token_urlsafe())'"
    )
    E102 = "request too large ({size}; the limit is {limit:,} {unit})"
    E103 = "no {what} {key!r} in the store"
    E104 = "no such page: {path}"
    E105 = "ingesting is off: start sayso serve with --token-file FILE (or SAYSO_TOKEN) to allow POST /api/articles"
    E106 = "missing or wrong bearer token (send the header Authorization: Bearer TOKEN)"
    E107 = "invalid request: {detail}"
    E108 = "internal server error ({kind}); the server's log has the details"
    E109 = "cannot serve on {host}:{port} ({detail})"
    # Corpus statistics and plots (sayso.corpus.stats, sayso.corpus.plot, sayso stats): fatal for a run.
    E110 = "{path}: cannot plot to a {suffix!r} file; name a .png or .svg file"
    E111 = "no attributions {what} to plot"
    E112 = "{name!r} is a name form of {count} speakers: {speakers}; give the full name or the id of the one you mean"
    E113 = "all {count} attributions {what} are in articles without a publication date: nothing to plot over time"
    E114 = "--plot FILE needs --speaker NAME or --outlet X: whose quotes to plot"
    E115 = "--speaker NAME goes with --plot FILE (the figures are of every speaker; --top lists the most quoted)"
    E116 = "--plot needs time windows: give --by year, month or week, not all"
    # An optional package is missing (sayso.extras): fatal for a run. E048 (scikit-learn) and E090
    # (PySpark) are the same kind of error, kept under their older codes.
    E120 = "a PostgreSQL store needs psycopg, which is not installed: pip install 'sayso[postgres]'"
    E121 = "{what} needs PyArrow, which is not installed: pip install 'sayso[parquet]'"
    E122 = "--plot needs Matplotlib, which is not installed: pip install 'sayso[plot]'"
    # One document or input, the rest of the batch goes on: a document the store (or the Parquet
    # output of sayso scale) cannot take (E123), and what a folder holds that is not safe to read
    # (E124-E127, sayso.ingest.files).
    E123 = "{origin}: cannot be stored ({detail}); the other documents of its batch are"
    E124 = "{origin}: {kind}, not a regular file: not read"
    E125 = "{origin}: symbolic link loop: not followed"
    E126 = "{origin}: symbolic link out of {root} (to {target}): not followed; --follow-links follows it"
    E127 = "{origin}: symbolic link to {target}, which does not exist"
    # The learned models of sayso_attributions (sayso.pipeline.learned); a missing file is E047.
    E128 = "{path}: not a learned model sayso can read ({detail}); 'sayso train' writes them"
    E129 = ("component {name!r} has no learned models: add it with sayso.load(), or call "
            "nlp.get_pipe({name!r}).initialize() (models=DIR for models of your own) or load a pipeline "
            "saved with nlp.to_disk()")
    # Getting articles in (sayso.ingest.web, sayso.ingest.frontmatter): one per URL or document, the
    # rest of the batch goes on; E145 and E146 (a list of URLs that cannot be used) stop the run
    # before it starts, and so do E147 and E148 (sayso.store, sayso ingest and extract --db).
    E140 = "{origin}: cannot fetch the page ({detail})"
    E141 = "{origin}: the server answered HTTP {status}{reason}"
    E142 = "{origin}: the page is larger than {limit:,} bytes: not fetched"
    E143 = "{origin}: the page is {kind}, not HTML or plain text"
    E144 = "{origin}: front matter line {line}: {detail}"
    E145 = "{path}: cannot read the list of URLs ({detail})"
    E146 = "{path}: line {line}: not an http:// or https:// URL ({text!r})"
    E147 = "{path}: no article could be read, so no store was made (each input that failed is named above)"
    E148 = "{path}: the folder {folder} does not exist; make it first (mkdir -p {folder})"
    # The accurate tier (sayso.pipeline.tagger, sayso load(accurate=...), --accurate): no built tagger
    # where one was asked for (E149), or its extra not installed (E150, E151 for training); each stops
    # before a run starts.
    E149 = ("{path}: no accurate-tier tagger here ({file} is missing); build one with "
            "'sayso train --accurate --out DIR' and pass that directory")
    E150 = "the accurate tier needs {what}, which is not installed: pip install 'sayso[accurate]'"
    E151 = "'sayso train --accurate' needs {what}, which is not installed: pip install 'sayso[train-accurate]'"
